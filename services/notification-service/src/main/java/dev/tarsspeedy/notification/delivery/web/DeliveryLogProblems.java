package dev.tarsspeedy.notification.delivery.web;

import dev.tarsspeedy.notification.delivery.InvalidSearchException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A delivery log search that cannot be answered, as a problem (texts in the problems bundles). */
final class DeliveryLogProblems {

    private DeliveryLogProblems() {}

    static ProblemException of(InvalidSearchException invalid) {
        return switch (invalid) {
            case InvalidSearchException.Page page ->
                ProblemException.localized(
                        HttpStatus.BAD_REQUEST, "invalid-page", "invalid-page.detail", page.maxSize());
            case InvalidSearchException.Range range ->
                ProblemException.localized(HttpStatus.BAD_REQUEST, "invalid-period", "invalid-period.detail")
                        .with("field", "to");
        };
    }
}
