package dev.tarsspeedy.contracts.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Kakaopay gave an approved payment back (its {@code cancel}): the refund an order's cancel, return or late payment
 * asked for is done.
 *
 * <p>Published by the payment service through its outbox to {@link #TOPIC}, keyed by the order id.
 *
 * @param paymentId the payment refunded
 * @param orderId its order
 * @param userId the payer
 * @param amount the amount given back, in whole Korean won
 * @param reason why, as the refund request said: {@code CANCELLED}, {@code RETURNED} or {@code ORDER_NOT_PAYABLE}
 * @param refundedAt when Kakaopay confirmed it
 */
public record PaymentRefunded(
        UUID paymentId, UUID orderId, UUID userId, long amount, String reason, Instant refundedAt) {

    /** {@code Topics.name("payment", "PaymentRefunded", 1)}. */
    public static final String TOPIC = "payment.payment-refunded.v1";

    public static final String TYPE = "PaymentRefunded";
    public static final int VERSION = 1;

    public PaymentRefunded {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
