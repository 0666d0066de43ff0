package dev.tarsspeedy.identity.account;

/** An address that cannot be normalised into a deliverable email address. */
public final class InvalidEmailException extends RuntimeException {

    public InvalidEmailException(String reason) {
        super(reason);
    }
}
