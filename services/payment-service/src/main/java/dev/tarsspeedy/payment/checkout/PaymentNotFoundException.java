package dev.tarsspeedy.payment.payment;

import java.util.UUID;

/** No such payment, or not the caller's. */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException(UUID paymentId) {
        super("no payment " + paymentId);
    }
}
