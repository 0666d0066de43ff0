package dev.tarsspeedy.market.provider;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * KIS access tokens shared by every instance (Redis), so a restart or a new instance reuses the token instead of
 * burning KIS's issue limit (one a minute, {@code EGW00133}). {@code account} names the app key without revealing it.
 */
public interface KisTokenStore {

    /** The cached token of {@code account}; empty when none is cached. */
    Mono<KisToken> cached(String account);

    /** Caches {@code token} until it expires. */
    Mono<Void> save(String account, KisToken token);

    /**
     * Claims the right to issue a token for {@code account}: true for exactly one caller per {@code interval}, across
     * instances (the claim is not given back, so issues are at least {@code interval} apart).
     */
    Mono<Boolean> claimIssue(String account, Duration interval);

    /** Gives the claim back when no issue was attempted (our budget had no permit for it): KIS was not called. */
    Mono<Void> releaseIssue(String account);
}
