package dev.tarsspeedy.identity.token;

/** Unknown, expired or revoked refresh token, or one of an account that can no longer log in. */
public final class InvalidRefreshTokenException extends RuntimeException {

    public InvalidRefreshTokenException() {
        super("invalid refresh token");
    }
}
