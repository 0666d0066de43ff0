package dev.tarsspeedy.order.buying.web;

import dev.tarsspeedy.contracts.order.SoldOutAnswer;
import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.buying.BuyRefusedException;
import dev.tarsspeedy.order.buying.DropNotFoundException;
import dev.tarsspeedy.order.buying.SaleUnavailableException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The buy path's refusals as problems (texts from the problems bundle, in the reader's language). */
final class BuyProblems {

    private BuyProblems() {}

    /** The problem of a refused buy; anything else is left as it is (the platform answers 500). */
    static Throwable of(Throwable error, DropId drop) {
        return switch (error) {
            case DropNotFoundException e ->
                ProblemException.localized(
                                HttpStatus.NOT_FOUND, "drop-not-found", "drop-not-found.detail", drop.value())
                        .with("dropId", drop.value());
            case BuyRefusedException e -> refusal(e);
            case SaleUnavailableException e ->
                new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "sale-unavailable", null)
                        .withHeader(
                                HttpHeaders.RETRY_AFTER,
                                Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                        .with("dropId", drop.value());
            default -> error;
        };
    }

    static ProblemException invalidIdempotencyKey(int maxLength) {
        return ProblemException.localized(
                        HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "invalid-idempotency-key.detail", maxLength)
                .with("maxLength", maxLength);
    }

    private static ProblemException refusal(BuyRefusedException e) {
        ProblemException problem = switch (e.reason()) {
            case SOLD_OUT -> new ProblemException(HttpStatus.CONFLICT, "sold-out", null);
            case LIMIT_EXCEEDED -> new ProblemException(HttpStatus.CONFLICT, "limit-exceeded", null);
            case NOT_OPEN -> new ProblemException(HttpStatus.CONFLICT, "not-open", null);
            case CLOSED -> new ProblemException(HttpStatus.CONFLICT, "closed", null);
        };
        problem.with("dropId", e.dropId().value());
        if (e.remaining() >= 0) {
            problem.with("remaining", e.remaining());
        }
        long holdsForMillis = e.holdsFor().toMillis();
        if (holdsForMillis > 0) {
            // Lets the gateway repeat this answer for as long (SoldOutAnswer); it does not pass the header on.
            problem.withHeader(SoldOutAnswer.MAX_AGE_HEADER, Long.toString(holdsForMillis));
        }
        return problem;
    }
}
