package dev.tarsspeedy.contracts.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order was not paid in time; its units went back on sale.
 *
 * <p>Published by the order service through its outbox to {@link #TOPIC}, keyed by the order id.
 */
public record OrderExpired(UUID orderId, UUID dropId, UUID userId, int quantity, Instant expiredAt) {

    /** {@code Topics.name("order", "OrderExpired", 1)}. */
    public static final String TOPIC = "order.order-expired.v1";

    public static final String TYPE = "OrderExpired";
    public static final int VERSION = 1;

    public OrderExpired {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(dropId, "dropId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiredAt, "expiredAt");
    }
}
