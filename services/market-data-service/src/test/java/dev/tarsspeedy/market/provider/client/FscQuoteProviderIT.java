package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.standin.market.MarketStandIn;
import dev.tarsspeedy.standin.market.Provider;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FSC adapter against the stand-in's data.go.kr services, every quirk included, and the real Redis. */
@RealInfrastructure(Infrastructure.Server.REDIS)
class FscQuoteProviderIT {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Symbol SAMSUNG = Symbol.parse("005930");
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

    /** A weekday at least a week ago: published by now, and (the stand-in has no holidays by default) a trading day. */
    private static LocalDate aPastWeekday() {
        return LocalDate.now(SEOUL).minusWeeks(1).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY));
    }

    @Test
    void aQuoteIsTheLastPublishedCloseAtThatDays1530Kst() {
        List<ProviderQuote> quotes = instance.fsc.quotes(List.of(SAMSUNG)).block(WAIT);

        assertThat(quotes).singleElement().satisfies(quote -> {
            assertThat(quote.source()).isEqualTo(ProviderName.FSC);
            assertThat(quote.endOfDay()).isTrue();
            assertThat(quote.asOf().atZone(SEOUL).toLocalTime()).isEqualTo(LocalTime.of(15, 30));
            assertThat(quote.asOf()).isBefore(clock.instant());
            // day D is published from 13:00 KST of the next business day: never today's close
            assertThat(quote.asOf().atZone(SEOUL).toLocalDate())
                    .isBefore(clock.instant().atZone(SEOUL).toLocalDate());
            assertThat(quote.price()).isPositive();
            assertThat(quote.previousClose()).isEqualByComparingTo(quote.price().subtract(quote.change()));
        });
        // the service key, with + / and =, reached data.go.kr intact (the stand-in compares it)
        assertThat(instance.calls.last(ProviderName.FSC).orElseThrow().outcome().label())
                .isEqualTo("ok");
    }

    @Test
    void dayDIsPublishedFrom1300KstOfTheNextBusinessDay() {
        LocalDate tuesday = aPastWeekday().with(TemporalAdjusters.previous(DayOfWeek.TUESDAY));
        LocalDate monday = tuesday.minusDays(1);
        LocalDate friday = tuesday.minusDays(4);

        assertThat(latestCloseDayAt(tuesday.atTime(12, 59))).isEqualTo(friday);
        assertThat(latestCloseDayAt(tuesday.atTime(13, 1))).isEqualTo(monday);
        // Friday's close is published on Monday, not on Saturday
        assertThat(latestCloseDayAt(friday.plusDays(1).atTime(15, 0))).isEqualTo(friday.minusDays(1));
    }

    /** The day of the end-of-day quote the adapter gets when the stand-in's clock and ours read {@code time} KST. */
    private LocalDate latestCloseDayAt(java.time.LocalDateTime time) {
        Clock at = Clock.fixed(time.atZone(SEOUL).toInstant(), SEOUL);
        try (MarketStandIn then = MarketStandIn.start(StandInMarket.options(at));
                ProviderInstance on = new ProviderInstance(ProviderInstance.keyed(then.baseUrl()), at)) {
            on.clearRedis();
            ProviderQuote quote = on.fsc.quotes(List.of(SAMSUNG)).block(WAIT).getFirst();
            assertThat(quote.asOf())
                    .isEqualTo(quote.asOf()
                            .atZone(SEOUL)
                            .toLocalDate()
                            .atTime(15, 30)
                            .atZone(SEOUL)
                            .toInstant());
            return quote.asOf().atZone(SEOUL).toLocalDate();
        } finally {
            instance.clearRedis();
        }
    }

    @Test
    void aWeekendHasNoRowsItemsIsAnEmptyString() {
        LocalDate saturday = aPastWeekday().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));

        List<DailyBar> bars = instance.fsc
                .history(SAMSUNG, saturday, saturday.plusDays(1))
                .collectList()
                .block(WAIT);

        assertThat(bars).isEmpty();
        assertThat(market.calls().count(Provider.FSC)).isEqualTo(1);
    }

    @Test
    void oneDayIsOneRowItemIsAnObject() {
        LocalDate day = aPastWeekday();

        List<DailyBar> bars =
                instance.fsc.history(SAMSUNG, day, day).collectList().block(WAIT);

        assertThat(bars).singleElement().satisfies(bar -> {
            assertThat(bar.date()).isEqualTo(day);
            assertThat(bar.close()).isPositive();
            assertThat(bar.high()).isGreaterThanOrEqualTo(bar.low());
            assertThat(bar.source()).isEqualTo(ProviderName.FSC);
        });
    }

    @Test
    void historyIsEveryTradingDayInTheRangeOldestFirst() {
        LocalDate to = aPastWeekday();
        LocalDate from = to.minusMonths(6);

        List<DailyBar> bars =
                instance.fsc.history(SAMSUNG, from, to).collectList().block(WAIT);

        // the stand-in's calendar has weekdays only (no holidays unless given): one bar per weekday, oldest first
        List<LocalDate> weekdays = from.datesUntil(to.plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .toList();
        assertThat(bars).extracting(DailyBar::date).containsExactlyElementsOf(weekdays);
        assertThat(bars).allSatisfy(bar -> assertThat(bar.close()).isPositive());
    }

    @Test
    void theListingsAreKospiAndKosdaqWithKoreanNames() {
        List<Listing> listings = instance.fsc.listings(Market.KRX).collectList().block(WAIT);

        assertThat(listings)
                .extracting(listing -> listing.symbol().code())
                .containsExactlyInAnyOrderElementsOf(market.listings(dev.tarsspeedy.standin.market.Market.KRX).stream()
                        .map(dev.tarsspeedy.standin.market.Listing::symbol)
                        .toList());
        assertThat(listings).anySatisfy(listing -> {
            assertThat(listing.symbol()).isEqualTo(SAMSUNG);
            assertThat(listing.nameKo()).isEqualTo("삼성전자");
            assertThat(listing.exchange()).isEqualTo("KOSPI");
        });
        assertThat(listings)
                .extracting(Listing::exchange)
                .allMatch(exchange -> exchange.equals("KOSPI") || exchange.equals("KOSDAQ"));
        assertThat(instance.fsc.listings(Market.US).collectList().block(WAIT)).isEmpty();
    }

    @Test
    void aBadKeyAnswersXmlInHttp200AndIsBadCredentials() {
        try (ProviderInstance wrong =
                instance(market, Map.of("market.providers.fsc.service-key", "fsc Key/with==signs+"))) {
            // the same key with a space where ours has a +: what a key sent without encoding would become
            assertThatThrownBy(() -> wrong.fsc.quotes(List.of(SAMSUNG)).block(WAIT))
                    .isInstanceOf(ProviderException.BadCredentials.class)
                    .hasMessageContaining("XML error 30");
        }
        market.controls().badKey(Provider.FSC);
        assertThatThrownBy(() -> instance.fsc.quotes(List.of(SAMSUNG)).block(WAIT))
                .isInstanceOf(ProviderException.BadCredentials.class);
    }

    @Test
    void resultCode22IsRateLimitedAndPausesFsc() {
        try (MarketStandIn tight =
                        MarketStandIn.start(StandInMarket.options(clock).fscCallsPerDay(2));
                ProviderInstance on = instance(tight, Map.of("market.providers.fsc.backoff", "30s"))) {
            on.clearRedis();
            on.fsc.quotes(List.of(SAMSUNG)).block(WAIT);
            on.fsc.quotes(List.of(SAMSUNG)).block(WAIT);

            assertThatThrownBy(() -> on.fsc.quotes(List.of(SAMSUNG)).block(WAIT))
                    .isInstanceOf(ProviderException.RateLimited.class)
                    .hasMessageContaining("22");
            long reached = tight.calls().count(Provider.FSC);
            assertThatThrownBy(() -> on.fsc.quotes(List.of(SAMSUNG)).block(WAIT))
                    .isInstanceOf(ProviderException.RateLimited.class);
            assertThat(tight.calls().count(Provider.FSC)).as("paused").isEqualTo(reached);
        } finally {
            instance.clearRedis();
        }
    }

    @Test
    void aPriceOfZeroIsNoQuote() {
        market.controls().zeros("005930");

        assertThat(instance.fsc.quotes(List.of(SAMSUNG, Symbol.parse("000660"))).block(WAIT))
                .extracting(ProviderQuote::symbol)
                .containsExactly(Symbol.parse("000660"));
    }

    @Test
    void theStandInsSimulatedSessionIsCarriedOnTheQuote() {
        try (MarketStandIn demo =
                        MarketStandIn.start(StandInMarket.options(clock).demoSession(true));
                ProviderInstance on = instance(demo, Map.of())) {
            assertThat(on.fsc.quotes(List.of(SAMSUNG)).block(WAIT))
                    .singleElement()
                    .satisfies(quote -> assertThat(quote.simulated()).isTrue());
        }
    }

    @Test
    void keylessItIsTheStandInReachedAtTheStandInUrl() {
        try (MarketStandIn open = MarketStandIn.start(
                        MarketStandIn.options().port(0).seed(42).clock(clock));
                ProviderInstance on = new ProviderInstance(
                        Map.of("market.providers.stand-in-url", open.baseUrl()), Clock.systemUTC())) {
            assertThat(on.fsc.live()).isFalse();
            assertThat(on.fsc.quotes(List.of(SAMSUNG)).block(WAIT)).hasSize(1);
            assertThat(on.finnhub.live()).isFalse();
            assertThat(on.finnhub.quotes(List.of(Symbol.parse("AAPL"))).block(WAIT))
                    .hasSize(1);
        }
    }
}
