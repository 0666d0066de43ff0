package dev.tarsspeedy.platform.problem;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.problems.*}.
 *
 * @param typeBase base URI the problem types resolve against ({@code sold-out} becomes {@code <base>sold-out})
 * @param retryAfter the {@code Retry-After} of a 503 when a service this one calls cannot be reached; the gateway's
 *     circuit-breaker fallback says the same ({@code gateway.fallback.retry-after})
 */
@ConfigurationProperties("platform.problems")
public record ProblemProperties(
        @DefaultValue("https://tars-speedy.dev/problems/") URI typeBase,
        @DefaultValue("10s") Duration retryAfter) {}
