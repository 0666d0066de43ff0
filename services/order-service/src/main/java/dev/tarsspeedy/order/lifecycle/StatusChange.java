package dev.tarsspeedy.order.lifecycle;

import java.time.Instant;

/**
 * One entry of an order's status history: an {@link OrderStatus} name, or {@link #REFUNDED} when the payment was given
 * back (the order's status stays where it was).
 */
public record StatusChange(String status, Instant at) {

    /** The history entry of a confirmed refund. */
    public static final String REFUNDED = "REFUNDED";

    public StatusChange(OrderStatus status, Instant at) {
        this(status.name(), at);
    }
}
