package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to pay one order through Kakaopay.
 *
 * @param id our id, in the callback URLs Kakaopay sends the buyer to
 * @param tid Kakaopay's transaction id
 * @param amount whole Korean won, as the order service said
 * @param orderExpiresAt after this the order can no longer be paid: a late approval is not sent to Kakaopay
 * @param payerEmail where refund emails go, from the buyer's access token; {@code null} when it had none
 * @param locale {@code ko} or {@code en}, for emails
 * @param failureReason why it FAILED: {@code ORDER_EXPIRED}, {@code KAKAOPAY_<code>}, {@code FAIL_URL},
 *     {@code NOT_APPROVED_AT_KAKAOPAY}
 * @param statusChangedAt when the status last changed (reconciliation finds stuck payments by it)
 */
public record Payment(
        PaymentId id,
        OrderId orderId,
        UserId userId,
        PaymentStatus status,
        long amount,
        String itemName,
        int quantity,
        String tid,
        String redirectUrl,
        Instant orderExpiresAt,
        String payerEmail,
        String locale,
        String failureReason,
        Instant createdAt,
        Instant statusChangedAt,
        Instant approvedAt,
        Instant refundedAt,
        String refundReason) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tid, "tid");
        if (amount < 1) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }

    public Payment approved(Instant at) {
        return new Payment(
                id,
                orderId,
                userId,
                PaymentStatus.APPROVED,
                amount,
                itemName,
                quantity,
                tid,
                redirectUrl,
                orderExpiresAt,
                payerEmail,
                locale,
                failureReason,
                createdAt,
                at,
                at,
                refundedAt,
                refundReason);
    }

    public Payment refunded(Instant at) {
        return new Payment(
                id,
                orderId,
                userId,
                PaymentStatus.REFUNDED,
                amount,
                itemName,
                quantity,
                tid,
                redirectUrl,
                orderExpiresAt,
                payerEmail,
                locale,
                failureReason,
                createdAt,
                at,
                approvedAt,
                at,
                refundReason);
    }
}
