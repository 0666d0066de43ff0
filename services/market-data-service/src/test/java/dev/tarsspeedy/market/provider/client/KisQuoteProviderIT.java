package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.persistence.RedisKisTokenStore;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.standin.market.Market;
import dev.tarsspeedy.standin.market.MarketStandIn;
import dev.tarsspeedy.standin.market.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The KIS adapter against the stand-in's KIS (its real contract: token, quotations, errors) and the real Redis. */
@RealInfrastructure(Infrastructure.Server.REDIS)
class KisQuoteProviderIT {

    private static final Symbol SAMSUNG = Symbol.parse("005930");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock standInClock = new MutableClock();
    private MarketStandIn market;
    private ProviderInstance instance;

    @BeforeEach
    void start() {
        market = StandInMarket.start(standInClock);
        instance = instance(Map.of());
        instance.clearRedis();
    }

    @AfterEach
    void stop() {
        instance.close();
        market.close();
    }

    private ProviderInstance instance(Map<String, String> overrides) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(ProviderInstance.keyed(market.baseUrl()));
        properties.putAll(overrides);
        return new ProviderInstance(properties, Clock.systemUTC());
    }

    private List<ProviderQuote> quotes(ProviderInstance on, Symbol... symbols) {
        return on.kis.quotes(List.of(symbols)).block(WAIT);
    }

    @Test
    void oneCodeIsQuotedByInquirePriceWithEveryFigure() {
        List<ProviderQuote> quotes = quotes(instance, SAMSUNG);

        assertThat(quotes).singleElement().satisfies(quote -> {
            assertThat(quote.symbol()).isEqualTo(SAMSUNG);
            assertThat(quote.source()).isEqualTo(ProviderName.KIS);
            assertThat(quote.price())
                    .isEqualByComparingTo(market.price("005930").orElseThrow());
            assertThat(quote.previousClose()).isPositive();
            assertThat(quote.change()).isEqualByComparingTo(quote.price().subtract(quote.previousClose()));
            assertThat(quote.high52w()).isGreaterThanOrEqualTo(quote.low52w());
            assertThat(quote.volume()).isNotNull();
            assertThat(quote.endOfDay()).isFalse();
            assertThat(quote.simulated()).isFalse();
        });
        assertThat(market.calls().count(Provider.KIS, "inquire-price")).isEqualTo(1);
        assertThat(market.calls().tokenIssues()).isEqualTo(1);
    }

    @Test
    void manyCodesGoThirtyToACallAndUnknownCodesAreLeftOut() {
        List<Symbol> symbols = market.listings(Market.KRX).stream()
                .limit(40)
                .map(listing -> Symbol.parse(listing.symbol()))
                .toList();
        List<Symbol> asked = new java.util.ArrayList<>(symbols);
        for (int i = 0; asked.size() < 41; i++) {
            asked.add(Symbol.parse("9999" + (10 + i))); // not listed: KIS answers every figure 0
        }

        List<ProviderQuote> quotes = instance.kis.quotes(asked).block(WAIT);

        assertThat(quotes).extracting(ProviderQuote::symbol).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(quotes).allSatisfy(quote -> assertThat(quote.price()).isPositive());
        assertThat(market.calls().count(Provider.KIS, "intstock-multprice")).isEqualTo(2);
        assertThat(market.calls().count(Provider.KIS, "inquire-price")).isZero();
    }

    @Test
    void anUnknownCodeOrAPriceOfZeroIsNoQuote() {
        assertThat(quotes(instance, Symbol.parse("999990"))).isEmpty();

        market.controls().zeros(Provider.KIS);
        assertThat(quotes(instance, SAMSUNG)).isEmpty();
        assertThat(quotes(instance, SAMSUNG, Symbol.parse("000660"))).isEmpty();
    }

    @Test
    void theStandInsSimulatedSessionIsCarriedOnTheQuote() {
        try (MarketStandIn demo =
                        MarketStandIn.start(StandInMarket.options(standInClock).demoSession(true));
                ProviderInstance onDemo =
                        new ProviderInstance(ProviderInstance.keyed(demo.baseUrl()), Clock.systemUTC())) {
            onDemo.clearRedis();
            assertThat(quotes(onDemo, SAMSUNG))
                    .singleElement()
                    .satisfies(quote -> assertThat(quote.simulated()).isTrue());
            assertThat(onDemo.kis
                            .quotes(List.of(SAMSUNG, Symbol.parse("000660")))
                            .block(WAIT))
                    .allSatisfy(quote -> assertThat(quote.simulated()).isTrue());
        } finally {
            instance.clearRedis();
        }
    }

    @Test
    void theEnglishNameComesFromSearchStockInfo() {
        Listing listing = instance.kis.listing(SAMSUNG).block(WAIT);

        assertThat(listing.symbol()).isEqualTo(SAMSUNG);
        assertThat(listing.nameKo()).isEqualTo("삼성전자");
        assertThat(listing.nameEn()).containsIgnoringCase("Samsung Electronics");
        assertThat(listing.exchange()).isEqualTo("KOSPI");
        assertThat(market.calls().count(Provider.KIS, "search-stock-info")).isEqualTo(1);
        assertThat(instance.kis.listing(Symbol.parse("999990")).blockOptional(WAIT))
                .isEmpty();
    }

    @Test
    void thePerSecondLimitIsRateLimitedAndPausesKisForTheBackOff() {
        market.close();
        market = MarketStandIn.start(StandInMarket.options(standInClock).kisCallsPerSecond(3));
        instance.close();
        // our own budget above KIS's limit, so that KIS's answer is what stops the calls
        instance = instance(Map.of(
                "market.providers.kis.permits", "100",
                "market.providers.kis.burst", "50",
                "market.providers.kis.backoff", "1500ms"));
        instance.kis.quotes(List.of(SAMSUNG)).block(WAIT); // the token
        AtomicInteger limited = new AtomicInteger();

        Flux.range(0, 8)
                .flatMap(i -> instance.kis
                        .quotes(List.of(SAMSUNG))
                        .onErrorResume(ProviderException.RateLimited.class, e -> {
                            assertThat(e.getMessage()).contains("EGW00201");
                            limited.incrementAndGet();
                            return Mono.empty();
                        }))
                .blockLast(WAIT);
        assertThat(limited.get()).isPositive();

        long reached = market.calls().count(Provider.KIS);
        assertThatThrownBy(() -> quotes(instance, SAMSUNG))
                .isInstanceOf(ProviderException.RateLimited.class)
                .hasMessageContaining("next permit");
        assertThat(market.calls().count(Provider.KIS))
                .as("paused: no call reaches KIS")
                .isEqualTo(reached);

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(ProviderException.RateLimited.class)
                .until(() -> !quotes(instance, SAMSUNG).isEmpty());
    }

    @Test
    void aSecondTokenIssueWithinTheMinuteIsRateLimited() {
        quotes(instance, SAMSUNG);
        // the cache is lost (Redis flushed) while KIS still remembers the issue a moment ago
        instance.clearRedis();

        assertThatThrownBy(() -> quotes(instance, SAMSUNG))
                .isInstanceOf(ProviderException.RateLimited.class)
                .hasMessageContaining("EGW00133");
        // the claim holds: nobody asks KIS again within the minute, callers wait for a token and then give up
        assertThat(instance.redis
                        .hasKey(RedisKisTokenStore.issueKey(KisTokens.account(StandInMarket.KIS_APP_KEY)))
                        .block())
                .isTrue();
    }

    @Test
    void anExpiredTokenIsReissuedOnceAndTheCallRetriedOnce() throws InterruptedException {
        instance.close();
        instance = instance(Map.of("market.providers.kis.token-issue-interval", "300ms"));
        quotes(instance, SAMSUNG);
        Thread.sleep(400); // past our once-per-interval claim

        standInClock.advance(Duration.ofHours(25)); // KIS now finds the cached token expired (EGW00123)

        assertThat(quotes(instance, SAMSUNG)).hasSize(1);
        assertThat(market.calls().tokenIssues()).isEqualTo(2);
        assertThat(market.calls().count(Provider.KIS, "inquire-price")).isEqualTo(3);
    }

    @Test
    void aTokenCloseToItsExpiryIsRenewedByOneCallerWhileTheOthersKeepUsingIt() throws InterruptedException {
        instance.close();
        // every token is "close to its expiry", and a renewal may follow the last issue after 300 ms
        instance = instance(Map.of(
                "market.providers.kis.token-renew-before", "25h",
                "market.providers.kis.token-issue-interval", "300ms"));
        quotes(instance, SAMSUNG);
        Thread.sleep(400);
        standInClock.advance(Duration.ofMinutes(2)); // past KIS's own one-a-minute rule

        assertThat(instance.kis.quotes(List.of(SAMSUNG)).repeat(4).collectList().block(WAIT))
                .hasSize(5)
                .allSatisfy(quotes -> assertThat(quotes).hasSize(1));
        assertThat(market.calls().tokenIssues())
                .as("one renewal within the interval")
                .isEqualTo(2);
    }

    @Test
    void anInvalidTokenIsReissuedOnce() {
        String account = KisTokens.account(StandInMarket.KIS_APP_KEY);
        long expiry = java.time.Instant.now().plus(Duration.ofHours(20)).toEpochMilli();
        instance.redis
                .opsForValue()
                .set(RedisKisTokenStore.tokenKey(account), expiry + " not-a-token-kis-issued")
                .block();

        assertThat(quotes(instance, SAMSUNG)).hasSize(1);
        assertThat(market.calls().tokenIssues()).isEqualTo(1);
        assertThat(market.calls().count(Provider.KIS, "inquire-price")).isEqualTo(2);
        assertThat(instance.calls.last(ProviderName.KIS).orElseThrow().outcome().label())
                .isEqualTo("ok");
    }

    @Test
    void aBadKeyIsBadCredentials() {
        try (ProviderInstance wrong = instance(Map.of("market.providers.kis.app-key", "not-our-key"))) {
            assertThatThrownBy(() -> quotes(wrong, SAMSUNG))
                    .isInstanceOf(ProviderException.BadCredentials.class)
                    .hasMessageContaining("EGW00103");
            assertThat(wrong.registry
                            .get("market.provider.calls")
                            .tag("provider", "kis")
                            .tag("outcome", "bad_credentials")
                            .counter()
                            .count())
                    .isEqualTo(1);
        }

        quotes(instance, SAMSUNG); // a cached token, then KIS refuses the key on the quotation call
        market.controls().badKey(Provider.KIS);
        assertThatThrownBy(() -> quotes(instance, SAMSUNG)).isInstanceOf(ProviderException.BadCredentials.class);
    }

    @Test
    void aProviderDownIsUnavailable() {
        quotes(instance, SAMSUNG);
        market.controls().down(Provider.KIS);
        assertThatThrownBy(() -> quotes(instance, SAMSUNG)).isInstanceOf(ProviderException.Unavailable.class);
        market.controls().reset();
        assertThat(quotes(instance, SAMSUNG)).hasSize(1);
    }
}
