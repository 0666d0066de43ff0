package dev.tarsspeedy.catalog.drop.web;

import dev.tarsspeedy.catalog.drop.DropAlreadyOpenException;
import dev.tarsspeedy.catalog.drop.DropNotFoundException;
import dev.tarsspeedy.catalog.drop.InvalidDropException;
import dev.tarsspeedy.catalog.drop.Violation;
import dev.tarsspeedy.catalog.product.ProductNotFoundException;
import dev.tarsspeedy.platform.problem.ProblemException;
import dev.tarsspeedy.platform.problem.ProblemMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Drop errors as problems; other errors pass through unchanged. Details and field messages come from the problems
 * bundles, in the reader's language.
 */
public final class DropProblems {

    private DropProblems() {}

    public static Throwable translate(Throwable error) {
        return switch (error) {
            case InvalidDropException invalid -> invalid(invalid.violations());
            case DropNotFoundException missing ->
                new ProblemException(HttpStatus.NOT_FOUND, "drop-not-found", null)
                        .with("dropId", missing.id().value());
            case DropAlreadyOpenException open ->
                new ProblemException(HttpStatus.CONFLICT, "drop-already-open", null)
                        .with("dropId", open.id().value());
            case ProductNotFoundException missing ->
                // The address exists; the body names a product that does not: 422, not 404.
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product", null)
                        .with("productId", missing.id().value())
                        .with(
                                "errors",
                                List.of(Map.of(
                                        "field",
                                        "productId",
                                        "message",
                                        ProblemMessage.of("unknown-product.product-id", "no product has this id"))));
            default -> error;
        };
    }

    /**
     * The platform's {@code validation} problem, listing each broken rule as {@code errors[].field/message}: the
     * platform's detail and the rules' texts from the service's bundle, in the reader's language.
     */
    public static ProblemException invalid(List<Violation> violations) {
        String fields = violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "validation", "validation.detail", fields)
                .with(
                        "errors",
                        violations.stream()
                                .map(violation -> Map.of("field", violation.field(), "message", message(violation)))
                                .toList());
    }

    /** The rule's text from the problems bundle; the English of the domain if the bundle lacks it. */
    static ProblemMessage message(Violation violation) {
        return ProblemMessage.of(
                violation.code(), violation.message(), violation.arguments().toArray());
    }
}
