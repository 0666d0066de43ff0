package dev.tarsspeedy.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token-bucket limits applied to every route, one bucket per client (user, or IP address without a token) and
 * route, kept in Redis so that every gateway instance shares them.
 *
 * @param replenishRate tokens added to a bucket per second: the sustained request rate
 * @param burstCapacity the most tokens a bucket holds: the largest burst allowed after a quiet period
 * @param requestedTokens tokens one request costs (a rate below one request per second: replenish rate 1,
 *     requested tokens and burst capacity 60 allow one request a minute)
 * @param includeHeaders whether responses carry {@code X-RateLimit-Remaining} and the other limit headers
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitSettings(
        @DefaultValue("10") int replenishRate,
        @DefaultValue("20") long burstCapacity,
        @DefaultValue("1") int requestedTokens,
        @DefaultValue("true") boolean includeHeaders) {

    public RateLimitSettings {
        if (replenishRate < 1 || requestedTokens < 1) {
            throw new IllegalArgumentException("gateway.rate-limit: replenish-rate and requested-tokens must be >= 1");
        }
        if (burstCapacity < replenishRate || burstCapacity < requestedTokens) {
            // A request costing more than the bucket holds would be refused forever.
            throw new IllegalArgumentException(
                    "gateway.rate-limit: burst-capacity must be >= replenish-rate and >= requested-tokens");
        }
    }
}
