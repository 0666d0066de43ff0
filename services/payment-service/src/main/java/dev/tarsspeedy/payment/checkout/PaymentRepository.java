package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where payments are kept. Every change of status is conditional on the status it leaves, so two callbacks, two
 * instances or a callback and the reconciliation never both win; writes join the caller's transaction.
 */
public interface PaymentRepository {

    /** Stores a new payment unless its order has a live one already; {@code false} then. */
    Mono<Boolean> insertIfNoLivePayment(Payment payment);

    Mono<Payment> findById(PaymentId id);

    /** The order's READY, APPROVING or APPROVED payment. */
    Mono<Payment> findLiveByOrder(OrderId orderId);

    /** {@code from} to {@code to}; {@code false} when the payment was not in {@code from}. */
    Mono<Boolean> transition(PaymentId id, PaymentStatus from, PaymentStatus to, Instant now);

    Mono<Boolean> markFailed(PaymentId id, PaymentStatus from, String reason, Instant now);

    /** APPROVING to APPROVED. */
    Mono<Boolean> markApproved(PaymentId id, Instant approvedAt, Instant now);

    /** APPROVED to REFUNDING, with the refund's reason. */
    Mono<Boolean> markRefunding(PaymentId id, String reason, Instant now);

    /** REFUNDING to REFUNDED. */
    Mono<Boolean> markRefunded(PaymentId id, Instant refundedAt, Instant now);

    /** Payments in the status since before the instant, oldest first. */
    Flux<Payment> findInStatusSince(PaymentStatus status, Instant before, int limit);
}
