package dev.tarsspeedy.alert.report.persistence;

import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.report.SendNowLimiter;
import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** One key per user, {@code alert:send-now:{user}}, set if absent with the interval as its time to live. */
@Component
class RedisSendNowLimiter implements SendNowLimiter {

    private final ReactiveStringRedisTemplate redis;

    RedisSendNowLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Optional<Duration>> acquire(UserId user, Duration interval) {
        String key = key(user);
        return redis.opsForValue().setIfAbsent(key, "1", interval).flatMap(taken -> {
            if (Boolean.TRUE.equals(taken)) {
                return Mono.just(Optional.<Duration>empty());
            }
            return redis.getExpire(key)
                    .map(left -> left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left)
                    .defaultIfEmpty(interval)
                    .map(Optional::of);
        });
    }

    @Override
    public Mono<Void> release(UserId user) {
        return redis.delete(key(user)).then();
    }

    private static String key(UserId user) {
        return "alert:send-now:" + user;
    }
}
