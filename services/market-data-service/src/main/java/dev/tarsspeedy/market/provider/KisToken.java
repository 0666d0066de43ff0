package dev.tarsspeedy.market.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * A KIS access token and when KIS says it expires.
 *
 * @param value the bearer token
 * @param expiresAt its expiry ({@code access_token_token_expired})
 */
public record KisToken(String value, Instant expiresAt) {

    public KisToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Never printed whole. */
    @Override
    public String toString() {
        return "KisToken[" + (value.length() > 8 ? value.substring(0, 8) : "") + "..., expiresAt=" + expiresAt + "]";
    }
}
