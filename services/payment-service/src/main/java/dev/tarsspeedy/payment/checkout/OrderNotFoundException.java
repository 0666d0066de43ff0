package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;

/** No such order, or not the caller's (the two look the same, so order ids of others reveal nothing). */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(OrderId orderId) {
        super("no order " + orderId + " of this user");
    }
}
