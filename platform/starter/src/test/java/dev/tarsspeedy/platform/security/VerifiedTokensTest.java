package dev.tarsspeedy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger checks = new AtomicInteger();

    /** Stands in for the full check: counts the calls, accepts "good-*" tokens expiring at the given instant. */
    private ReactiveJwtDecoder fullCheck(Instant expiresAt) {
        return token -> {
            checks.incrementAndGet();
            if (!token.startsWith("good")) {
                return Mono.error(new BadJwtException("bad signature"));
            }
            return Mono.just(Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("user-1")
                    .issuedAt(NOW.minusSeconds(60))
                    .expiresAt(expiresAt)
                    .build());
        };
    }

    @Test
    void theSameTokenIsCheckedOnce() {
        VerifiedTokens tokens = new VerifiedTokens(fullCheck(NOW.plusSeconds(900)), 100, Duration.ofMinutes(5), clock);

        Jwt first = tokens.decode("good-1").block();
        Jwt second = tokens.decode("good-1").block();

        assertThat(second).isSameAs(first);
        assertThat(checks).hasValue(1);
        tokens.decode("good-2").block();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenPastItsExpiryIsCheckedAgain() {
        VerifiedTokens tokens = new VerifiedTokens(fullCheck(NOW.plusSeconds(30)), 100, Duration.ofMinutes(5), clock);
        tokens.decode("good-1").block();

        clock.now = NOW.plusSeconds(29);
        tokens.decode("good-1").block();
        assertThat(checks).hasValue(1);

        clock.now = NOW.plusSeconds(30);
        tokens.decode("good-1").block();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aVerifiedTokenIsCheckedAgainAfterTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(fullCheck(NOW.plusSeconds(3600)), 100, Duration.ofMinutes(5), clock);
        tokens.decode("good-1").block();

        clock.now = NOW.plus(Duration.ofMinutes(5));
        tokens.decode("good-1").block();

        assertThat(checks).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverCached() {
        VerifiedTokens tokens = new VerifiedTokens(fullCheck(NOW.plusSeconds(900)), 100, Duration.ofMinutes(5), clock);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(checks).hasValue(3);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
