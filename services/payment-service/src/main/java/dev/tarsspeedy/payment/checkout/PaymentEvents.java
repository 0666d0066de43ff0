package dev.tarsspeedy.payment.payment;

import reactor.core.publisher.Mono;

/** What the service tells others, stored in the caller's transaction (the outbox) and published after commit. */
public interface PaymentEvents {

    /** {@code PaymentApproved}, keyed by the order. */
    Mono<Void> approved(Payment payment);

    /** {@code PaymentRefunded}, keyed by the order, and the buyer's {@code payment-refunded} email. */
    Mono<Void> refunded(Payment payment);
}
