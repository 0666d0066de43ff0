package dev.tarsspeedy.identity.account;

/** An address that cannot be normalised into a deliverable email address. */
public final class InvalidEmailException extends RuntimeException {

    /** What is wrong with the address; the web layer tells the user in their language. */
    public enum Reason {
        REQUIRED,
        NOT_AN_ADDRESS,
        LOCAL_PART,
        DOMAIN,
        TOO_LONG
    }

    private final Reason reason;

    /**
     * @param message the reason in English, for operators (logs, start-up errors)
     */
    public InvalidEmailException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
