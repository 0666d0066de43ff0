package dev.tarsspeedy.identity.token;

import java.time.Instant;

/** A signed access token (JWT) and when it expires. */
public record AccessToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
