package dev.tarsspeedy.payment.checkout;

/**
 * Kakaopay could not be asked: no connection ({@code notSent}: nothing reached Kakaopay), or it answered with a 5xx
 * (for approve and cancel that does not prove nothing happened; the reconciliation checks).
 */
public class ProviderUnavailableException extends RuntimeException {

    private final boolean notSent;

    public ProviderUnavailableException(String message, boolean notSent, Throwable cause) {
        super(message, cause);
        this.notSent = notSent;
    }

    public boolean notSent() {
        return notSent;
    }
}
