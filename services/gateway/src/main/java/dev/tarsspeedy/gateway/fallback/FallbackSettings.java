package dev.tarsspeedy.gateway.fallback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryAfter what the 503 fallback tells clients in {@code Retry-After} (rounded up to whole seconds); about
 *     the time an open circuit breaker waits before it tries the service again
 */
@ConfigurationProperties("gateway.fallback")
public record FallbackSettings(@DefaultValue("10s") Duration retryAfter) {

    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
