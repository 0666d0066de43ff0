package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.QuoteProvider;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.standin.market.MarketStandIn;
import dev.tarsspeedy.standin.market.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The budget is never exceeded: more demand than the budget, from several instances and concurrent callers at once,
 * and the stand-in's own count of calls per second and per minute stays within the configured numbers.
 */
@RealInfrastructure(Infrastructure.Server.REDIS)
class ProviderBudgetIT {

    private final MutableClock clock = new MutableClock();
    private MarketStandIn market;
    private final List<ProviderInstance> instances = new ArrayList<>();

    @BeforeEach
    void start() {
        market = StandInMarket.start(clock);
    }

    @AfterEach
    void stop() {
        instances.forEach(ProviderInstance::close);
        market.close();
    }

    private ProviderInstance instance(Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>(ProviderInstance.keyed(market.baseUrl()));
        properties.putAll(overrides);
        ProviderInstance instance = new ProviderInstance(properties, clock);
        instances.add(instance);
        return instance;
    }

    /** {@code requests} quote calls from {@code callers} concurrent callers spread over the instances' providers. */
    private static Outcomes drive(List<QuoteProvider> providers, Symbol symbol, int requests, int callers) {
        Outcomes outcomes = new Outcomes();
        Flux.range(0, requests)
                .flatMap(
                        i -> providers
                                .get(i % providers.size())
                                .quotes(List.of(symbol))
                                .doOnNext(quotes -> outcomes.ok.incrementAndGet())
                                .onErrorResume(ProviderException.RateLimited.class, e -> {
                                    outcomes.limited.incrementAndGet();
                                    return Mono.empty();
                                }),
                        callers)
                .blockLast(Duration.ofMinutes(2));
        return outcomes;
    }

    private static final class Outcomes {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger limited = new AtomicInteger();
    }

    @Test
    void twoHundredKisRequestsFromThreeInstancesStayWithin18ASecond() {
        instance(Map.of()).clearRedis();
        List<QuoteProvider> providers = List.of(instance(Map.of()).kis, instance(Map.of()).kis, instance(Map.of()).kis);
        providers.getFirst().quotes(List.of(Symbol.parse("005930"))).block(Duration.ofSeconds(20)); // the token
        market.calls().reset();

        // callers that keep asking: every refused call is asked again at once, 200 quotes in all
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Flux.range(0, 200)
                .flatMap(
                        i -> Mono.defer(() -> providers.get(i % 3).quotes(List.of(Symbol.parse("005930"))))
                                .doOnError(ProviderException.RateLimited.class, e -> refused.incrementAndGet())
                                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(20))
                                        .filter(e -> e instanceof ProviderException.RateLimited))
                                .doOnNext(quotes -> ok.incrementAndGet()),
                        12)
                .blockLast(Duration.ofMinutes(2));

        assertThat(ok.get()).isEqualTo(200);
        assertThat(refused.get()).as("the demand was above the budget").isPositive();
        assertThat(market.calls().count(Provider.KIS)).isEqualTo(200);
        // An upper bound only: how fast the calls went is the benchmark's business, not a test's.
        assertThat(market.calls().maxPerSecond(Provider.KIS)).isLessThanOrEqualTo(18);
    }

    @Test
    void finnhubStaysWithin60AMinuteSpreadOverTheMinute() {
        instance(Map.of()).clearRedis();
        List<QuoteProvider> providers = List.of(instance(Map.of()).finnhub, instance(Map.of()).finnhub);
        long started = System.nanoTime();

        // 100 requests at once: without the budget, all 100 would reach Finnhub within a second or two (and 40 of
        // them answer 429); with it, a couple back to back and then about one a second
        Outcomes outcomes = drive(providers, Symbol.parse("AAPL"), 100, 8);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcomes.ok.get() + outcomes.limited.get()).isEqualTo(100);
        assertThat(outcomes.limited.get()).isPositive();
        assertThat(market.calls().maxPerMinute(Provider.FINNHUB)).isLessThanOrEqualTo(60);
        assertThat(market.calls().count(Provider.FINNHUB))
                .as("no more than the bucket lets through in the time the test ran")
                .isLessThanOrEqualTo(
                        instances.getFirst().finnhubSettings.budget().maxCallsIn(elapsed));
    }

    @Test
    void aShortFinnhubBudgetHoldsOverSeveralWindows() {
        // 5 a second (a minute's arithmetic in a second), driven by 6 callers that keep asking
        Map<String, String> shortBudget = Map.of(
                "market.providers.finnhub.permits", "5",
                "market.providers.finnhub.per", "1s",
                "market.providers.finnhub.burst", "2",
                "market.providers.finnhub.max-wait", "50ms");
        instance(shortBudget).clearRedis();
        List<QuoteProvider> providers = List.of(instance(shortBudget).finnhub, instance(shortBudget).finnhub);
        // The callers keep asking until the stand-in has seen 12 calls, which spans several of the budget's seconds
        // however fast or slow this machine is.
        Flux.range(0, 6)
                .flatMap(caller -> Mono.defer(() -> providers.get(caller % 2).quotes(List.of(Symbol.parse("MSFT"))))
                        .onErrorResume(
                                ProviderException.RateLimited.class,
                                e -> Mono.delay(Duration.ofMillis(5)).then(Mono.empty()))
                        .repeat(() -> market.calls().count(Provider.FINNHUB) < 12))
                .blockLast(Duration.ofSeconds(60));

        assertThat(market.calls().count(Provider.FINNHUB)).isGreaterThanOrEqualTo(10);
        assertThat(market.calls().maxPerSecond(Provider.FINNHUB)).isLessThanOrEqualTo(5);
        assertThat(instances.get(1).calls.last(ProviderName.FINNHUB)).isPresent();
    }
}
