package dev.tarsspeedy.order.order;

import dev.tarsspeedy.order.ids.OrderId;

/** The order is not in a state that can be cancelled. */
public class OrderNotCancellableException extends RuntimeException {

    private final OrderId orderId;

    private final OrderStatus status;

    public OrderNotCancellableException(OrderId orderId, OrderStatus status) {
        super("order " + orderId + " is " + status);
        this.orderId = orderId;
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }

    public OrderId orderId() {
        return orderId;
    }
}
