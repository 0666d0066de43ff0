package dev.tarsspeedy.notification.delivery;

import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The delivery log: one row per idempotency key, the only memory of what was sent. Every method is one atomic
 * database statement (its own transaction), so a state change is durable when the returned {@link Mono} completes.
 */
public interface DeliveryLog {

    /**
     * Records a request as {@link DeliveryState#RECEIVED} unless its key is already in the log, and returns the row as
     * it is now.
     */
    Mono<DeliveryRecord> open(PendingDelivery delivery);

    /**
     * Moves the request to {@link DeliveryState#SENDING} with a lease, if nobody else may be sending it: from
     * {@code RECEIVED}, {@code FAILED} or {@code DEAD_LETTERED}, or from {@code SENDING} whose lease has expired.
     * Two callers racing for one key: one claims it, the other sees {@code SENDING}.
     */
    Mono<Claim> claim(String idempotencyKey, Duration lease);

    /** Marks the request {@link DeliveryState#SENT}: the SMTP server accepted it. */
    Mono<Void> markSent(String idempotencyKey);

    /** Marks the request {@link DeliveryState#FAILED} with the reason, unless it is already sent. */
    Mono<Void> markFailed(String idempotencyKey, String error);

    /** Marks the request {@link DeliveryState#DEAD_LETTERED} (recording it if it is not in the log), unless sent. */
    Mono<Void> markDeadLettered(PendingDelivery delivery, String error);

    Mono<Optional<DeliveryRecord>> find(String idempotencyKey);

    /** The operators' view: rows matching every filter given, newest received first, one page of them. */
    Mono<DeliveryPage> search(DeliverySearch search);

    /** Deletes rows in a final state ({@code SENT}, {@code DEAD_LETTERED}) untouched for longer than the retention. */
    Mono<Long> deleteFinishedBefore(Duration retention);
}
