package dev.tarsspeedy.identity.account;

/** A name that {@link PersonName} refuses. */
public final class InvalidNameException extends RuntimeException {

    /** What is wrong with the name; the web layer tells the user in their language. */
    public enum Reason {
        BLANK,
        TOO_LONG,
        CONTROL_CHARACTERS
    }

    private final Reason reason;

    /**
     * @param message the reason in English, for operators (logs, start-up errors)
     */
    public InvalidNameException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
