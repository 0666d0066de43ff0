package dev.tarsspeedy.identity.throttle.persistence;

import dev.tarsspeedy.identity.throttle.RateCounters;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link RateCounters} in Redis: each operation is one Lua script call, atomic on the server. */
@Component
class RedisRateCounters implements RateCounters {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> INCREMENT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """, List.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> PEEK = RedisScript.of("""
            local count = redis.call('GET', KEYS[1])
            if not count then
              return {0, 0}
            end
            return {tonumber(count), redis.call('PTTL', KEYS[1])}
            """, List.class);

    private static final RedisScript<Long> COOLDOWN = RedisScript.of("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
              return 0
            end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 1 then
              return 1
            end
            return ttl
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;

    RedisRateCounters(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Count> increment(String key, Duration window) {
        return redis.execute(INCREMENT, List.of(key), List.of(Long.toString(window.toMillis())))
                .next()
                .map(RedisRateCounters::count);
    }

    @Override
    public Mono<Count> peek(String key) {
        return redis.execute(PEEK, List.of(key), List.of()).next().map(RedisRateCounters::count);
    }

    @Override
    public Mono<Void> delete(String key) {
        return redis.delete(key).then();
    }

    @Override
    public Mono<Duration> startCooldown(String key, Duration length) {
        return redis.execute(COOLDOWN, List.of(key), List.of(Long.toString(length.toMillis())))
                .next()
                .map(Duration::ofMillis);
    }

    private static Count count(List<?> reply) {
        long value = ((Number) reply.get(0)).longValue();
        long ttl = ((Number) reply.get(1)).longValue();
        return new Count(value, Duration.ofMillis(Math.max(0, ttl)));
    }
}
