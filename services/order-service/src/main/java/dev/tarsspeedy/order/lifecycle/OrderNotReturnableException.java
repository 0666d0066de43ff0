package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.OrderId;
import java.time.Instant;

/** The order cannot be returned: not delivered, or its return window closed ({@link #windowClosedAt()}). */
public class OrderNotReturnableException extends OrderRefusedException {

    private final Instant windowClosedAt;

    public OrderNotReturnableException(OrderId orderId, OrderStatus status, Instant windowClosedAt) {
        super(
                orderId,
                status,
                "order " + orderId + " is " + status
                        + (windowClosedAt == null ? "" : ", window closed " + windowClosedAt));
        this.windowClosedAt = windowClosedAt;
    }

    /** When the return window closed, {@code null} when the order was not delivered. */
    public Instant windowClosedAt() {
        return windowClosedAt;
    }
}
