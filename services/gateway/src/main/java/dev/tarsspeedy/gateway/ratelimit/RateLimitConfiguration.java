package dev.tarsspeedy.gateway.ratelimit;

import dev.tarsspeedy.platform.redis.LuaScript;
import dev.tarsspeedy.platform.warmup.WarmUp;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.RedisScript;

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

    /**
     * The token bucket's script read once ({@link LuaScript}): Spring Cloud Gateway's own script bean re-reads the
     * file's last-modified time inside the jar on every request, under a lock all event loops share.
     */
    @Bean
    static BeanPostProcessor rateLimiterScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof RedisScript<?> script) {
                    return readOnce(script);
                }
                return bean;
            }
        };
    }

    /**
     * The token bucket asked once before the gateway reports ready: the Redis connection opened and the script loaded,
     * which the first requests of a burst would otherwise all wait for (and, past the Redis timeout, let through
     * unlimited).
     */
    @Bean
    WarmUp rateLimiterWarmUp(RedisRateLimiter limiter) {
        return WarmUp.of("rate-limiter", () -> limiter.isAllowed("warm-up", "warm-up"));
    }

    static <T> LuaScript<T> readOnce(RedisScript<T> script) {
        return LuaScript.of(script.getScriptAsString(), script.getResultType());
    }
}
