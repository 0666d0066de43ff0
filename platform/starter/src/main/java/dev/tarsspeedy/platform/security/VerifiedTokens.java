package dev.tarsspeedy.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A bounded cache of access tokens that passed the whole check (RS256 signature, issuer, time claims), keyed by the
 * whole token: a user's next request with the same token skips the parse and the RSA verification, which were about a
 * fifth of the order service's CPU per request. A cached token is served only before its {@code exp} (stricter than
 * the check, which allows a minute of clock skew) and at most {@code maxAge} after it was verified, so a key withdrawn
 * from the JWKS stops being accepted within {@code maxAge}. Failures are never cached: every bad token is checked.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private record Verified(Jwt jwt, Instant until) {}

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Verified> verified;
    private final Duration maxAge;
    private final Clock clock;

    public VerifiedTokens(ReactiveJwtDecoder delegate, long maxEntries, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxAge)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified hit = verified.getIfPresent(token);
        if (hit != null) {
            if (clock.instant().isBefore(hit.until())) {
                return Mono.just(hit.jwt());
            }
            verified.invalidate(token);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant until = clock.instant().plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        verified.put(token, new Verified(jwt, until));
    }
}
