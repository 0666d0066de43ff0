package dev.tarsspeedy.order.order;

import dev.tarsspeedy.order.ids.OrderId;

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
