package dev.tarsspeedy.payment.checkout;

/** The request reached Kakaopay (or may have) but no answer came in time: it may or may not have happened. */
public class ProviderOutcomeUnknownException extends RuntimeException {

    public ProviderOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
