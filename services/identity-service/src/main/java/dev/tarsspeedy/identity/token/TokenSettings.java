package dev.tarsspeedy.identity.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access and refresh tokens.
 *
 * @param issuer the {@code iss} of access tokens (what services check with {@code PLATFORM_SECURITY_ISSUER})
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token; each refresh issues a new one with a fresh lifetime
 */
@ConfigurationProperties("identity.tokens")
public record TokenSettings(
        @DefaultValue("http://localhost:8081") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl) {

    public TokenSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("identity.tokens.issuer must not be blank");
        }
        if (accessTokenTtl.toSeconds() < 1 || refreshTokenTtl.compareTo(accessTokenTtl) < 0) {
            throw new IllegalArgumentException(
                    "identity.tokens: access-token-ttl must be at least 1s and refresh-token-ttl at least as long");
        }
    }
}
