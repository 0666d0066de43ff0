package dev.tarsspeedy.market.provider.persistence;

import dev.tarsspeedy.market.provider.BudgetStore;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.platform.redis.LuaScript;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The providers' token buckets in Redis: one Lua script takes a permit atomically on Redis's clock, so every instance
 * draws from the same bucket and no two callers can take the last permit.
 */
@Repository
public class RedisBudgetStore implements BudgetStore {

    private static final RedisScript<Long> TAKE = LuaScript.fromClasspath("market/provider-budget.lua", Long.class);

    private final ReactiveStringRedisTemplate redis;

    public RedisBudgetStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Long> take(ProviderName provider, int burst, double refillPerMillisecond) {
        return redis.execute(
                        TAKE,
                        List.of(bucketKey(provider), pauseKey(provider)),
                        List.of(Integer.toString(burst), Double.toString(refillPerMillisecond)))
                .next();
    }

    @Override
    public Mono<Void> pause(ProviderName provider, Duration duration) {
        return redis.opsForValue().set(pauseKey(provider), "paused", duration).then();
    }

    public static String bucketKey(ProviderName provider) {
        return "market:provider:" + provider.name().toLowerCase(Locale.ROOT) + ":budget";
    }

    public static String pauseKey(ProviderName provider) {
        return "market:provider:" + provider.name().toLowerCase(Locale.ROOT) + ":paused";
    }
}
