package dev.tarsspeedy.identity.token;

/** A refresh token that had already been exchanged was presented again; its whole family is now revoked. */
public final class RefreshTokenReusedException extends RuntimeException {

    public RefreshTokenReusedException() {
        super("refresh token reused; its family is revoked");
    }
}
