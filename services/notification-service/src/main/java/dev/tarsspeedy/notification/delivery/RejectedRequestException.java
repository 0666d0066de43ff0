package dev.tarsspeedy.notification.delivery;

/**
 * A request that can never be sent as it is: unknown template, a model that does not fit it, an address or an
 * unsubscribe URL that is not one, a message the SMTP server refuses for good (5xx). Never retried: the request goes
 * to the dead-letter topic at once, with this message as the reason.
 */
public class RejectedRequestException extends RuntimeException {

    public RejectedRequestException(String message) {
        super(message);
    }

    public RejectedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
