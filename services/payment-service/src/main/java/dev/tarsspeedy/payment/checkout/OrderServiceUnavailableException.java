package dev.tarsspeedy.payment.checkout;

/** The order service did not answer (in time); nothing was started. */
public class OrderServiceUnavailableException extends RuntimeException {

    public OrderServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
