package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.Providers;
import dev.tarsspeedy.market.provider.QuoteProvider;
import dev.tarsspeedy.market.provider.YearHighLow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A quote without a 52-week range (KIS's multi-quote, Finnhub, FSC) gets one from the stored year of daily bars and the
 * day's own prices; never from a history too short to hold 52 weeks, where a "52-week high" would be a false one.
 */
class YearRangeTest {

    private static final Symbol SAMSUNG = Symbol.parse("005930");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");
    private static final Symbol APPLE = Symbol.parse("AAPL");

    /** No provider keeps 52-week figures (KRX's). */
    private static final Providers NONE = new Providers(List.of());

    /** Finnhub as far as 52-week figures go: its basic financials, counted; an error once when told. */
    private static final class Financials implements QuoteProvider {

        private final AtomicInteger calls = new AtomicInteger();
        private YearHighLow figures;
        private boolean failing;

        @Override
        public ProviderName name() {
            return ProviderName.FINNHUB;
        }

        @Override
        public Set<Market> markets() {
            return Set.of(Market.US);
        }

        @Override
        public int maxSymbolsPerCall() {
            return 1;
        }

        @Override
        public boolean endOfDay() {
            return false;
        }

        @Override
        public Mono<List<ProviderQuote>> quotes(List<Symbol> symbols) {
            return Mono.just(List.of());
        }

        @Override
        public Flux<DailyBar> history(Symbol symbol, LocalDate from, LocalDate to) {
            return Flux.empty();
        }

        @Override
        public Flux<Listing> listings(Market market) {
            return Flux.empty();
        }

        @Override
        public boolean keepsYearRange() {
            return true;
        }

        @Override
        public Mono<YearHighLow> yearRange(Symbol symbol) {
            calls.incrementAndGet();
            if (failing) {
                failing = false;
                return Mono.error(new IllegalStateException("HTTP 429"));
            }
            return Mono.justOrEmpty(figures);
        }

        @Override
        public boolean live() {
            return false;
        }
    }

    /** A QuoteHistory holding the given bars, counting the reads of a range. */
    private static final class History implements QuoteHistory {

        private final List<DailyBar> bars = new ArrayList<>();
        private final AtomicInteger reads = new AtomicInteger();
        private boolean failing;

        @Override
        public Mono<Void> saveAll(List<DailyBar> saved) {
            bars.addAll(saved);
            return Mono.empty();
        }

        @Override
        public Flux<DailyBar> range(Symbol symbol, LocalDate from, LocalDate to) {
            reads.incrementAndGet();
            if (failing) {
                return Flux.error(new IllegalStateException("database away"));
            }
            return Flux.fromIterable(bars)
                    .filter(bar -> bar.symbol().equals(symbol)
                            && !bar.date().isBefore(from)
                            && !bar.date().isAfter(to));
        }

        @Override
        public Mono<Boolean> hasAny(Symbol symbol) {
            return Mono.just(!bars.isEmpty());
        }

        @Override
        public Mono<DailyBar> latest(Symbol symbol) {
            return Mono.justOrEmpty(bars.isEmpty() ? null : bars.getLast());
        }
    }

    /** Daily bars from {@code first} to the day before DAY, high 60,000 and low 50,000 but on the given days. */
    private static List<DailyBar> year(LocalDate first, LocalDate highDay, String high, LocalDate lowDay, String low) {
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(DAY); day = day.plusDays(1)) {
            BigDecimal h = day.equals(highDay) ? new BigDecimal(high) : new BigDecimal("60000");
            BigDecimal l = day.equals(lowDay) ? new BigDecimal(low) : new BigDecimal("50000");
            bars.add(new DailyBar(SAMSUNG, day, l, h, l, l, 1000, ProviderName.FSC));
        }
        return bars;
    }

    private static ProviderQuote quote(String price, String high, String low, String high52w, String low52w) {
        return new ProviderQuote(
                SAMSUNG,
                ProviderName.KIS,
                new BigDecimal(price),
                null,
                null,
                null,
                high == null ? null : new BigDecimal(high),
                low == null ? null : new BigDecimal(low),
                null,
                10L,
                high52w == null ? null : new BigDecimal(high52w),
                low52w == null ? null : new BigDecimal(low52w),
                AT,
                false,
                false);
    }

    @Test
    void aQuoteWithoutItsRangeGetsTheStoredYearsAndTheDaysExtremes() {
        History history = new History();
        history.saveAll(year(DAY.minusWeeks(52), DAY.minusDays(100), "71000", DAY.minusDays(30), "48000"))
                .block();
        YearRange range = new YearRange(history, NONE);

        ProviderQuote inside = range.complete(quote("65000", "66000", "64000", null, null), DAY)
                .block();
        assertThat(inside.high52w()).isEqualByComparingTo("71000");
        assertThat(inside.low52w()).isEqualByComparingTo("48000");
        assertThat(inside.price()).isEqualByComparingTo("65000");
        assertThat(inside.high()).isEqualByComparingTo("66000");

        // A new high today is the 52-week high: the alert service sees the price reach it.
        ProviderQuote record = range.complete(quote("72000", "72500", "64000", null, null), DAY)
                .block();
        assertThat(record.high52w()).isEqualByComparingTo("72500");
        ProviderQuote noDayFigures =
                range.complete(quote("47000", null, null, null, null), DAY).block();
        assertThat(noDayFigures.low52w()).isEqualByComparingTo("47000");
        assertThat(noDayFigures.high52w()).isEqualByComparingTo("71000");
    }

    @Test
    void withoutStoredHistoryAProvidersFiguresAreUsedOnceADay() {
        History history = new History();
        Financials finnhub = new Financials();
        finnhub.figures = new YearHighLow(APPLE, new BigDecimal("260.10"), new BigDecimal("169.21"));
        finnhub.failing = true;
        YearRange range = new YearRange(history, new Providers(List.of(finnhub)));

        // The first call fails (rate limited): the quote goes on without a range, the next one asks again.
        assertThat(range.complete(us("230.00", "231.00", "229.00"), DAY).block().high52w())
                .isNull();
        ProviderQuote quote =
                range.complete(us("230.00", "231.00", "229.00"), DAY).block();
        assertThat(quote.high52w()).isEqualByComparingTo("260.10");
        assertThat(quote.low52w()).isEqualByComparingTo("169.21");
        ProviderQuote record =
                range.complete(us("262.00", "262.50", "229.00"), DAY).block();
        assertThat(record.high52w()).isEqualByComparingTo("262.50");
        assertThat(finnhub.calls).hasValue(2);

        // A symbol it has no figures for is not asked again that day.
        Financials empty = new Financials();
        YearRange none = new YearRange(history, new Providers(List.of(empty)));
        none.complete(us("230.00", null, null), DAY).block();
        assertThat(none.complete(us("230.00", null, null), DAY).block().high52w())
                .isNull();
        assertThat(empty.calls).hasValue(1);
    }

    private static ProviderQuote us(String price, String high, String low) {
        return new ProviderQuote(
                APPLE,
                ProviderName.FINNHUB,
                new BigDecimal(price),
                null,
                null,
                null,
                high == null ? null : new BigDecimal(high),
                low == null ? null : new BigDecimal(low),
                null,
                null,
                null,
                null,
                AT,
                false,
                false);
    }

    @Test
    void theProvidersOwnRangeIsKept() {
        History history = new History();
        history.saveAll(year(DAY.minusWeeks(52), DAY.minusDays(100), "71000", DAY.minusDays(30), "48000"))
                .block();
        YearRange range = new YearRange(history, NONE);

        ProviderQuote kis = range.complete(quote("65000", "66000", "64000", "88000", "41000"), DAY)
                .block();
        assertThat(kis.high52w()).isEqualByComparingTo("88000");
        assertThat(kis.low52w()).isEqualByComparingTo("41000");
        assertThat(history.reads).hasValue(0);
    }

    @Test
    void aHistoryShorterThan52WeeksGivesNoRange() {
        History history = new History();
        // Three weeks of closes (a US stock's closing fetches since it was first followed): no 52-week figures.
        history.saveAll(year(DAY.minusWeeks(3), DAY.minusDays(5), "71000", DAY.minusDays(6), "48000"))
                .block();
        ProviderQuote quote = new YearRange(history, NONE)
                .complete(quote("65000", "66000", "64000", null, null), DAY)
                .block();
        assertThat(quote.high52w()).isNull();
        assertThat(quote.low52w()).isNull();

        ProviderQuote none = new YearRange(new History(), NONE)
                .complete(quote("65000", "66000", "64000", null, null), DAY)
                .block();
        assertThat(none.high52w()).isNull();
    }

    @Test
    void theStoredPartIsReadOncePerSymbolAndDayAndAFailureKeepsTheQuote() {
        History history = new History();
        history.saveAll(year(DAY.minusWeeks(53), DAY.minusDays(100), "71000", DAY.minusDays(30), "48000"))
                .block();
        YearRange range = new YearRange(history, NONE);
        for (int i = 0; i < 3; i++) {
            range.complete(quote("65000", "66000", "64000", null, null), DAY).block();
        }
        assertThat(history.reads).hasValue(1);

        history.failing = true;
        ProviderQuote nextDay = range.complete(
                        new ProviderQuote(
                                SAMSUNG,
                                ProviderName.KIS,
                                new BigDecimal("65000"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                AT.plusSeconds(86_400),
                                false,
                                false),
                        DAY.plusDays(1))
                .block();
        assertThat(history.reads).hasValue(2);
        assertThat(nextDay.price()).isEqualByComparingTo("65000");
        assertThat(nextDay.high52w()).isNull();
    }
}
