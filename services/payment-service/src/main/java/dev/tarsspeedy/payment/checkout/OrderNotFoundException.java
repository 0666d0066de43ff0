package dev.tarsspeedy.payment.payment;

import java.util.UUID;

/** No such order, or not the caller's (the two look the same, so order ids of others reveal nothing). */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(UUID orderId) {
        super("no order " + orderId + " of this user");
    }
}
