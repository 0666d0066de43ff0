package dev.tarsspeedy.contracts.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The buyer cancelled an unpaid order; its units went back on sale.
 *
 * <p>Published by the order service through its outbox to {@link #TOPIC}, keyed by the order id.
 */
public record OrderCancelled(UUID orderId, UUID dropId, UUID userId, int quantity, Instant cancelledAt) {

    /** {@code Topics.name("order", "OrderCancelled", 1)}. */
    public static final String TOPIC = "order.order-cancelled.v1";

    public static final String TYPE = "OrderCancelled";
    public static final int VERSION = 1;

    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(dropId, "dropId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
}
