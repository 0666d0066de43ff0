package dev.tarsspeedy.payment.refund;

import dev.tarsspeedy.payment.checkout.Payment;
import reactor.core.publisher.Mono;

/** What a refund tells others, stored in the caller's transaction (the outbox) and published after commit. */
public interface RefundEvents {

    /** {@code PaymentRefunded}, keyed by the order, and the buyer's {@code payment-refunded} email. */
    Mono<Void> refunded(Payment payment);
}
