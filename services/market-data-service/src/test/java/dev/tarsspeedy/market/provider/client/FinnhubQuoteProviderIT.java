package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.YearHighLow;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.standin.market.MarketStandIn;
import dev.tarsspeedy.standin.market.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Finnhub adapter against the stand-in's Finnhub (quote, symbol master, zeros, 429, 401) and the real Redis. */
@RealInfrastructure(Infrastructure.Server.REDIS)
class FinnhubQuoteProviderIT {

    private static final Symbol APPLE = Symbol.parse("AAPL");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock();
    private MarketStandIn market;
    private ProviderInstance instance;

    @BeforeEach
    void start() {
        market = StandInMarket.start(clock);
        instance = instance(market, Map.of());
        instance.clearRedis();
    }

    @AfterEach
    void stop() {
        instance.close();
        market.close();
    }

    private ProviderInstance instance(MarketStandIn on, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>(ProviderInstance.keyed(on.baseUrl()));
        properties.putAll(overrides);
        return new ProviderInstance(properties, clock);
    }

    private List<ProviderQuote> quotes(ProviderInstance on, Symbol... symbols) {
        return on.finnhub.quotes(List.of(symbols)).block(WAIT);
    }

    @Test
    void aQuoteCarriesFinnhubsTimeAsAsOf() {
        assertThat(quotes(instance, APPLE)).singleElement().satisfies(quote -> {
            assertThat(quote.source()).isEqualTo(ProviderName.FINNHUB);
            assertThat(quote.price()).isEqualByComparingTo(market.price("AAPL").orElseThrow());
            assertThat(quote.previousClose()).isPositive();
            assertThat(quote.asOf()).isBeforeOrEqualTo(clock.instant());
            assertThat(quote.asOf().getNano()).as("t is in epoch seconds").isZero();
            assertThat(quote.endOfDay()).isFalse();
            assertThat(quote.simulated()).isFalse();
        });
    }

    @Test
    void theYearRangeComesFromBasicFinancials() {
        assertThat(instance.finnhub.keepsYearRange()).isTrue();
        long before = market.calls().count(Provider.FINNHUB, "metric");
        YearHighLow range = instance.finnhub.yearRange(APPLE).block(WAIT);
        BigDecimal price = quotes(instance, APPLE).getFirst().price();

        assertThat(range).isNotNull();
        assertThat(range.symbol()).isEqualTo(APPLE);
        assertThat(range.low()).isPositive().isLessThanOrEqualTo(price);
        assertThat(range.high()).isGreaterThanOrEqualTo(price);
        assertThat(market.calls().count(Provider.FINNHUB, "metric")).isEqualTo(before + 1);

        assertThat(instance.finnhub.yearRange(Symbol.parse("ZZZZQ")).blockOptional(WAIT))
                .as("no figures for an unknown symbol")
                .isEmpty();
        assertThat(instance.finnhub.yearRange(Symbol.parse("005930")).blockOptional(WAIT))
                .as("KRX is not Finnhub's")
                .isEmpty();
    }

    @Test
    void zerosAreNoQuote() {
        assertThat(quotes(instance, Symbol.parse("ZZZZQ")))
                .as("unknown symbol: c 0, t 0")
                .isEmpty();

        market.controls().zeros(Provider.FINNHUB);
        assertThat(quotes(instance, APPLE)).isEmpty();
    }

    @Test
    void http429IsRateLimitedAndPausesFinnhub() {
        try (MarketStandIn tight =
                        MarketStandIn.start(StandInMarket.options(clock).finnhubCallsPerMinute(2));
                ProviderInstance on = instance(
                        tight,
                        Map.of(
                                "market.providers.finnhub.permits", "100",
                                "market.providers.finnhub.burst", "50",
                                "market.providers.finnhub.backoff", "30s"))) {
            on.clearRedis();
            quotes(on, APPLE);
            quotes(on, APPLE);

            assertThatThrownBy(() -> quotes(on, APPLE))
                    .isInstanceOf(ProviderException.RateLimited.class)
                    .hasMessageContaining("429");
            long reached = tight.calls().count(Provider.FINNHUB);
            assertThatThrownBy(() -> quotes(on, APPLE)).isInstanceOf(ProviderException.RateLimited.class);
            assertThat(tight.calls().count(Provider.FINNHUB)).as("paused").isEqualTo(reached);
        } finally {
            instance.clearRedis();
        }
    }

    @Test
    void http401IsBadCredentials() {
        try (ProviderInstance wrong = instance(market, Map.of("market.providers.finnhub.token", "not-our-token"))) {
            assertThatThrownBy(() -> quotes(wrong, APPLE))
                    .isInstanceOf(ProviderException.BadCredentials.class)
                    .hasMessageContaining("401");
            assertThat(wrong.calls
                            .last(ProviderName.FINNHUB)
                            .orElseThrow()
                            .outcome()
                            .label())
                    .isEqualTo("bad_credentials");
        }
    }

    @Test
    void theSymbolMasterKeepsCommonStocks() {
        List<Listing> listings =
                instance.finnhub.listings(Market.US).collectList().block(WAIT);

        // the stand-in's master is common stocks on NYSE and Nasdaq: every row is kept
        assertThat(listings)
                .extracting(listing -> listing.symbol().code())
                .containsExactlyInAnyOrderElementsOf(market.listings(dev.tarsspeedy.standin.market.Market.US).stream()
                        .map(dev.tarsspeedy.standin.market.Listing::symbol)
                        .toList());
        assertThat(listings).anySatisfy(listing -> {
            assertThat(listing.symbol()).isEqualTo(APPLE);
            assertThat(listing.nameEn()).containsIgnoringCase("Apple");
            assertThat(listing.exchange()).isEqualTo("NASDAQ");
            assertThat(listing.market()).isEqualTo(Market.US);
        });
        assertThat(instance.finnhub.listings(Market.KRX).collectList().block(WAIT))
                .isEmpty();
    }

    @Test
    void aDownProviderIsUnavailable() {
        market.controls().down(Provider.FINNHUB);
        assertThatThrownBy(() -> quotes(instance, APPLE)).isInstanceOf(ProviderException.Unavailable.class);
    }

    @Test
    void theStandInsSimulatedSessionIsCarriedOnTheQuote() {
        try (MarketStandIn demo =
                        MarketStandIn.start(StandInMarket.options(clock).demoSession(true));
                ProviderInstance on = instance(demo, Map.of())) {
            assertThat(quotes(on, APPLE))
                    .singleElement()
                    .satisfies(quote -> assertThat(quote.simulated()).isTrue());
        }
    }
}
