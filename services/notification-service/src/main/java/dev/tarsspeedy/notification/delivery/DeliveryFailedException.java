package dev.tarsspeedy.notification.delivery;

/**
 * An attempt that failed for a reason that may pass (SMTP server unreachable, a 4xx answer, the database away): the
 * request is retried with back-off, and dead-lettered once the retries are exhausted.
 */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message) {
        super(message);
    }

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
