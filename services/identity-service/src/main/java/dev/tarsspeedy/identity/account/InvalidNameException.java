package dev.tarsspeedy.identity.account;

/** A name that {@link PersonName} refuses. */
public final class InvalidNameException extends RuntimeException {

    public InvalidNameException(String reason) {
        super(reason);
    }
}
