package dev.tarsspeedy.contracts.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order was paid in time: it is PAID and goes on to delivery.
 *
 * <p>Published by the order service through its outbox to {@link #TOPIC}, keyed by the order id, once per order.
 *
 * @param orderId the order
 * @param paymentId the payment service's id of the payment that paid it
 * @param userId the buyer
 * @param amount the amount paid, in whole Korean won
 * @param paidAt when the payment was approved
 */
public record OrderPaid(UUID orderId, UUID paymentId, UUID userId, long amount, Instant paidAt) {

    /** {@code Topics.name("order", "OrderPaid", 1)}. */
    public static final String TOPIC = "order.order-paid.v1";

    public static final String TYPE = "OrderPaid";
    public static final int VERSION = 1;

    public OrderPaid {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
