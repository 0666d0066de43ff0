package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;

/** The order is not waiting for payment (paid, expired, cancelled) or its time to pay ran out. */
public class OrderNotPayableException extends RuntimeException {

    private final String orderStatus;

    public OrderNotPayableException(OrderId orderId, String orderStatus) {
        super("order " + orderId + " cannot be paid (" + orderStatus + ")");
        this.orderStatus = orderStatus;
    }

    public String orderStatus() {
        return orderStatus;
    }
}
