package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;

/** The order has a payment that is being approved or was approved. */
public class OrderAlreadyPaidException extends RuntimeException {

    private final PaymentId paymentId;

    public OrderAlreadyPaidException(OrderId orderId, PaymentId paymentId) {
        super("order " + orderId + " is paid or being paid by " + paymentId);
        this.paymentId = paymentId;
    }

    public PaymentId paymentId() {
        return paymentId;
    }
}
