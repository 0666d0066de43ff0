package dev.tarsspeedy.identity.account;

/** The address cannot be used to sign up (it belongs to an account already; the answer does not say so). */
public final class EmailUnavailableException extends RuntimeException {

    public EmailUnavailableException() {
        super("email address unavailable");
    }
}
