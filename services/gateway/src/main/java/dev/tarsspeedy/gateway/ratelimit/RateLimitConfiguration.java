package dev.tarsspeedy.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /**
     * Spring Cloud Gateway's Redis token bucket (one Lua script call per request), with the limits of
     * {@code gateway.rate-limit}. Replaces the auto-configured one, which reads its limits from each route's
     * stock {@code RequestRateLimiter} filter; Redis and the script are injected as the bean is initialized.
     */
    @Bean
    RedisRateLimiter redisRateLimiter(RateLimitSettings properties) {
        RedisRateLimiter limiter = new RedisRateLimiter(
                properties.replenishRate(), properties.burstCapacity(), properties.requestedTokens());
        // Always computed: the filter needs X-RateLimit-Remaining for Retry-After, and decides what the client sees.
        limiter.setIncludeHeaders(true);
        return limiter;
    }
}
