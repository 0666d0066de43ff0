package dev.tarsspeedy.catalog.product.web;

import dev.tarsspeedy.catalog.product.ProductNotFoundException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Product errors as problems (texts in the problems bundles); other errors pass through unchanged. */
final class ProductProblems {

    private ProductProblems() {}

    static Throwable translate(Throwable error) {
        if (error instanceof ProductNotFoundException missing) {
            return new ProblemException(HttpStatus.NOT_FOUND, "product-not-found", null)
                    .with("productId", missing.id().value());
        }
        return error;
    }
}
