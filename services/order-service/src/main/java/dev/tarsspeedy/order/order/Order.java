package dev.tarsspeedy.order.order;

import dev.tarsspeedy.order.ids.DropId;
import dev.tarsspeedy.order.ids.OrderId;
import dev.tarsspeedy.order.ids.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * An order: one reservation of units in a drop, and what happened to it since (payment, delivery, refund).
 *
 * @param amount price times quantity in whole won, from the drop copy when the order was stored
 * @param idempotencyKey the buyer's Idempotency-Key of the buy
 * @param buyerEmail where the order's emails go (the access token's email claim), {@code null}: no emails
 * @param locale {@code ko} or {@code en}, the language of the order's emails
 * @param paymentId the payment that paid the order, {@code null} while unpaid
 * @param paidAt when that payment was approved
 * @param deliveredAt when the order was delivered (the return window starts then)
 * @param refundedAt when the payment service confirmed the refund
 * @param statusChangedAt when the order reached its current status
 */
public record Order(
        OrderId id,
        DropId dropId,
        UserId userId,
        int quantity,
        long amount,
        String productName,
        OrderStatus status,
        String idempotencyKey,
        Instant reservedAt,
        Instant expiresAt,
        Instant createdAt,
        String buyerEmail,
        String locale,
        UUID paymentId,
        Instant paidAt,
        Instant deliveredAt,
        Instant refundedAt,
        Instant statusChangedAt) {

    public Order {
        locale = "ko".equals(locale) ? "ko" : "en";
    }

    /** A new order, not paid yet. */
    public Order(
            OrderId id,
            DropId dropId,
            UserId userId,
            int quantity,
            long amount,
            String productName,
            OrderStatus status,
            String idempotencyKey,
            Instant reservedAt,
            Instant expiresAt,
            Instant createdAt,
            String buyerEmail,
            String locale) {
        this(
                id,
                dropId,
                userId,
                quantity,
                amount,
                productName,
                status,
                idempotencyKey,
                reservedAt,
                expiresAt,
                createdAt,
                buyerEmail,
                locale,
                null,
                null,
                null,
                null,
                createdAt);
    }
}
