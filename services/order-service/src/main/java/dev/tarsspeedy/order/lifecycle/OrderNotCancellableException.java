package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.OrderId;

/** The order is not in a state that can be cancelled (shipped, expired, rejected, returned). */
public class OrderNotCancellableException extends OrderRefusedException {

    public OrderNotCancellableException(OrderId orderId, OrderStatus status) {
        super(orderId, status, "order " + orderId + " is " + status);
    }
}
