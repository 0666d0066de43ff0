package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.PaymentId;

/** No such payment, or not the caller's. */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException(PaymentId paymentId) {
        super("no payment " + paymentId);
    }
}
