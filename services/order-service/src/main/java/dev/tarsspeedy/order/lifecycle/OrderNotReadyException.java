package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.OrderId;

/** The order was accepted moments ago and is still being stored. */
public class OrderNotReadyException extends RuntimeException {

    private final OrderId orderId;

    public OrderNotReadyException(OrderId orderId) {
        super("order " + orderId);
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
