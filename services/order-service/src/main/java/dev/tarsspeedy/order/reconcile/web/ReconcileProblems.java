package dev.tarsspeedy.order.reconcile.web;

import dev.tarsspeedy.order.buying.DropNotFoundException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The operators' drop views' problems (texts from the problems bundle, in the reader's language). */
final class ReconcileProblems {

    private ReconcileProblems() {}

    static ProblemException dropNotFound(DropNotFoundException e) {
        return ProblemException.localized(
                HttpStatus.NOT_FOUND,
                "drop-not-found",
                "drop-not-found.detail",
                e.dropId().value());
    }
}
