package dev.tarsspeedy.order.lifecycle.web;

import dev.tarsspeedy.order.lifecycle.OrderNotCancellableException;
import dev.tarsspeedy.order.lifecycle.OrderNotFoundException;
import dev.tarsspeedy.order.lifecycle.OrderNotReadyException;
import dev.tarsspeedy.order.lifecycle.OrderNotReturnableException;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The order lifecycle's refusals as problems (texts from the problems bundle, in the reader's language). */
final class OrderProblems {

    private OrderProblems() {}

    /** The problem of a domain refusal; anything else is left as it is (the platform answers 500). */
    static Throwable of(Throwable error) {
        return switch (error) {
            case OrderNotFoundException e -> new ProblemException(HttpStatus.NOT_FOUND, "order-not-found", null);
            case OrderNotReadyException e ->
                new ProblemException(HttpStatus.CONFLICT, "order-not-ready", null)
                        .withHeader(HttpHeaders.RETRY_AFTER, "1");
            case OrderNotCancellableException e ->
                ProblemException.localized(
                                HttpStatus.CONFLICT,
                                "order-not-cancellable",
                                "order-not-cancellable.detail",
                                e.status().name())
                        .with("orderStatus", e.status().name());
            case OrderNotReturnableException e
            when e.windowClosedAt() == null ->
                ProblemException.localized(
                                HttpStatus.CONFLICT,
                                "order-not-returnable",
                                "order-not-returnable.detail",
                                e.status().name())
                        .with("orderStatus", e.status().name());
            case OrderNotReturnableException e ->
                ProblemException.localized(
                                HttpStatus.CONFLICT,
                                "return-window-closed",
                                "return-window-closed.detail",
                                e.windowClosedAt().toString())
                        .with("orderStatus", e.status().name())
                        .with("windowClosedAt", e.windowClosedAt().toString());
            default -> error;
        };
    }

    static ProblemException invalidPage(int maxPageSize) {
        return ProblemException.localized(HttpStatus.BAD_REQUEST, "invalid-page", "invalid-page.detail", maxPageSize);
    }

    /** The cluster-internal view of an order that is neither stored nor reserved. */
    static ProblemException internalNotFound(UUID id) {
        return ProblemException.localized(HttpStatus.NOT_FOUND, "order-not-found", "order-not-found.internal", id);
    }
}
