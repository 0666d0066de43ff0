package dev.tarsspeedy.payment.checkout;

import reactor.core.publisher.Mono;

/** What checkout tells others, stored in the caller's transaction (the outbox) and published after commit. */
public interface PaymentEvents {

    /** {@code PaymentApproved}, keyed by the order. */
    Mono<Void> approved(Payment payment);
}
