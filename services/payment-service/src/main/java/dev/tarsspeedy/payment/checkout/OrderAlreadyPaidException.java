package dev.tarsspeedy.payment.payment;

import java.util.UUID;

/** The order has a payment that is being approved or was approved. */
public class OrderAlreadyPaidException extends RuntimeException {

    private final UUID paymentId;

    public OrderAlreadyPaidException(UUID orderId, UUID paymentId) {
        super("order " + orderId + " is paid or being paid by " + paymentId);
        this.paymentId = paymentId;
    }

    public UUID paymentId() {
        return paymentId;
    }
}
