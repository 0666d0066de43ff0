package dev.tarsspeedy.order.sale.web;

import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The stock query's problems (texts from the problems bundle, in the reader's language). */
final class SaleProblems {

    private SaleProblems() {}

    static ProblemException tooManyDrops(int maxDrops) {
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "too-many-drops", "too-many-drops.detail", maxDrops);
    }
}
