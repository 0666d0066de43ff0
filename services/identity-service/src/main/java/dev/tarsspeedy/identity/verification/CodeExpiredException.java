package dev.tarsspeedy.identity.verification;

/** The code's time is up; a new one must be requested. */
public final class CodeExpiredException extends RuntimeException {

    public CodeExpiredException() {
        super("code expired");
    }
}
