package dev.tarsspeedy.contracts.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Kakaopay approved the payment of an order: the money is taken. The order service makes the order PAID, or, when the
 * order can no longer be paid (it expired or was cancelled meanwhile), answers with a refund request.
 *
 * <p>Published by the payment service through its outbox to {@link #TOPIC}, keyed by the order id.
 *
 * @param paymentId the payment service's id of the payment
 * @param orderId the order paid for
 * @param userId the payer, the order's owner
 * @param amount the amount taken, in whole Korean won
 * @param approvedAt when Kakaopay approved it
 */
public record PaymentApproved(UUID paymentId, UUID orderId, UUID userId, long amount, Instant approvedAt) {

    /** {@code Topics.name("payment", "PaymentApproved", 1)}. */
    public static final String TOPIC = "payment.payment-approved.v1";

    public static final String TYPE = "PaymentApproved";
    public static final int VERSION = 1;

    public PaymentApproved {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }
}
