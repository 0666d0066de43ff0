package dev.tarsspeedy.market.provider.persistence;

import dev.tarsspeedy.market.provider.KisToken;
import dev.tarsspeedy.market.provider.KisTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** KIS tokens in Redis ({@code <expiry epoch ms> <token>}, expiring with the token) and the issue claim (SET NX). */
@Repository
public class RedisKisTokenStore implements KisTokenStore {

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;

    public RedisKisTokenStore(ReactiveStringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Mono<KisToken> cached(String account) {
        return redis.opsForValue().get(tokenKey(account)).flatMap(value -> {
            int space = value.indexOf(' ');
            if (space < 1) {
                return Mono.empty();
            }
            try {
                Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(value.substring(0, space)));
                return Mono.just(new KisToken(value.substring(space + 1), expiresAt));
            } catch (NumberFormatException e) {
                return Mono.empty();
            }
        });
    }

    @Override
    public Mono<Void> save(String account, KisToken token) {
        Duration left = Duration.between(clock.instant(), token.expiresAt());
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            return Mono.empty();
        }
        return redis.opsForValue()
                .set(tokenKey(account), token.expiresAt().toEpochMilli() + " " + token.value(), left)
                .then();
    }

    @Override
    public Mono<Boolean> claimIssue(String account, Duration interval) {
        return redis.opsForValue().setIfAbsent(issueKey(account), "issuing", interval);
    }

    @Override
    public Mono<Void> releaseIssue(String account) {
        return redis.delete(issueKey(account)).then();
    }

    public static String tokenKey(String account) {
        return "market:provider:kis:token:" + account;
    }

    public static String issueKey(String account) {
        return "market:provider:kis:token-issue:" + account;
    }
}
