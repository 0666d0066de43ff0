package dev.tarsspeedy.webapp.account;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** The identity service's token pair for one browser session, kept server-side only. */
public record Tokens(String accessToken, String refreshToken, Instant expiresAt) implements Serializable {

    public static final String SESSION_ATTRIBUTE = "tokens";

    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt.minus(margin).isBefore(now);
    }

    public String bearer() {
        return "Bearer " + accessToken;
    }
}
