package dev.tarsspeedy.identity.token;

/** Wrong password or unknown address: one answer for both, so addresses cannot be probed. */
public final class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("invalid credentials");
    }
}
