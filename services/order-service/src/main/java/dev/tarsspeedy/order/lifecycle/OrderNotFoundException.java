package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.OrderId;

/** The buyer has no order with this id. */
public class OrderNotFoundException extends RuntimeException {

    private final OrderId orderId;

    public OrderNotFoundException(OrderId orderId) {
        super("order " + orderId);
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
