package dev.tarsspeedy.order.order;

import dev.tarsspeedy.order.ids.OrderId;
import java.time.Instant;

/** The order cannot be returned: not delivered, or its return window closed ({@link #windowClosedAt()}). */
public class OrderNotReturnableException extends RuntimeException {

    private final OrderId orderId;
    private final OrderStatus status;
    private final Instant windowClosedAt;

    public OrderNotReturnableException(OrderId orderId, OrderStatus status, Instant windowClosedAt) {
        super("order " + orderId + " is " + status
                + (windowClosedAt == null ? "" : ", window closed " + windowClosedAt));
        this.orderId = orderId;
        this.status = status;
        this.windowClosedAt = windowClosedAt;
    }

    public OrderId orderId() {
        return orderId;
    }

    public OrderStatus status() {
        return status;
    }

    /** When the return window closed, {@code null} when the order was not delivered. */
    public Instant windowClosedAt() {
        return windowClosedAt;
    }
}
