package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.provider.KisSettings;
import dev.tarsspeedy.market.provider.KisToken;
import dev.tarsspeedy.market.provider.KisTokenStore;
import dev.tarsspeedy.market.provider.ProviderBudgets;
import dev.tarsspeedy.market.provider.ProviderCalls;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * KIS's access token, shared by every instance through {@link KisTokenStore}: the cached token while it is valid; a
 * new one issued by exactly one instance at a time, at most once per {@code tokenIssueInterval} (KIS allows one a
 * minute and answers {@code EGW00133} otherwise) while the others wait for it in the store; renewed
 * {@code tokenRenewBefore} its expiry, the old one serving until then.
 */
final class KisTokens {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KisSettings settings;
    private final ProviderHttp http;
    private final KisTokenStore store;
    private final ProviderBudgets budgets;
    private final ProviderCalls calls;
    private final Clock clock;
    private final String appKey;
    private final String appSecret;
    private final String account;

    KisTokens(
            KisSettings settings,
            ProviderHttp http,
            KisTokenStore store,
            ProviderBudgets budgets,
            ProviderCalls calls,
            Clock clock,
            String appKey,
            String appSecret) {
        this.settings = settings;
        this.http = http;
        this.store = store;
        this.budgets = budgets;
        this.calls = calls;
        this.clock = clock;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.account = account(appKey);
    }

    /** A token to call with. */
    Mono<KisToken> token() {
        return token(null);
    }

    /**
     * A token other than {@code rejected}, which KIS just refused as expired or invalid: the cached one while it is
     * usable; else whoever claims the issue first issues one, and everybody else polls the store for it.
     */
    Mono<KisToken> token(String rejected) {
        Instant now = clock.instant();
        return store.cached(account)
                .filter(token -> usable(token, rejected, now))
                .flatMap(token -> token.expiresAt().isAfter(now.plus(settings.tokenRenewBefore()))
                        ? Mono.just(token)
                        // close to its expiry: one instance renews it, everybody keeps using it meanwhile
                        : store.claimIssue(account, settings.tokenIssueInterval())
                                .flatMap(claimed -> claimed ? issue().onErrorReturn(token) : Mono.just(token)))
                .switchIfEmpty(Mono.defer(() -> obtain(rejected)));
    }

    /** No usable token cached: claim the issue or wait for the one who claimed it, at most {@code tokenWait}. */
    private Mono<KisToken> obtain(String rejected) {
        return Flux.interval(Duration.ZERO, POLL)
                .onBackpressureDrop() // ticks while an issue is under way are not needed
                .concatMap(tick -> store.cached(account)
                        .filter(token -> usable(token, rejected, clock.instant()))
                        .switchIfEmpty(Mono.defer(() -> store.claimIssue(account, settings.tokenIssueInterval())
                                .flatMap(claimed -> claimed ? issue() : Mono.empty()))))
                .next()
                .timeout(
                        settings.tokenWait(),
                        Mono.error(() -> new ProviderException.RateLimited(
                                ProviderName.KIS,
                                "no token yet: one was issued less than " + settings.tokenIssueInterval()
                                        + " ago and none is cached")));
    }

    private boolean usable(KisToken token, String rejected, Instant now) {
        return !token.value().equals(rejected) && token.expiresAt().isAfter(now.plusSeconds(5));
    }

    /**
     * Issues a token, holding the claim. The token call counts against KIS's per-second limit like any other, so it
     * takes a permit first; without one the claim is given back (KIS was not called) and the caller is rate-limited.
     */
    private Mono<KisToken> issue() {
        Map<String, String> body = Map.of("grant_type", "client_credentials", "appkey", appKey, "appsecret", appSecret);
        return budgets.acquire(ProviderName.KIS)
                .onErrorResume(
                        ProviderException.RateLimited.class,
                        refused -> store.releaseIssue(account).then(Mono.error(refused)))
                .then(http.postJson("/oauth2/tokenP", body, headers -> {}))
                .map(answer -> KisResponses.token(answer.status(), answer.body(), clock.instant()))
                .flatMap(token -> store.save(account, token).thenReturn(token))
                .doOnSuccess(token -> calls.succeeded(ProviderName.KIS))
                .doOnError(error -> calls.failed(ProviderName.KIS, error));
    }

    /** The store's name for an app key: a digest, so the key itself never reaches Redis. */
    static String account(String appKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Objects.requireNonNull(appKey, "appKey").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
