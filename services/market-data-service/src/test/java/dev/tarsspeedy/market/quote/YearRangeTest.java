package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        YearRange range = new YearRange(history);

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
    void theProvidersOwnRangeIsKept() {
        History history = new History();
        history.saveAll(year(DAY.minusWeeks(52), DAY.minusDays(100), "71000", DAY.minusDays(30), "48000"))
                .block();
        YearRange range = new YearRange(history);

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
        ProviderQuote quote = new YearRange(history)
                .complete(quote("65000", "66000", "64000", null, null), DAY)
                .block();
        assertThat(quote.high52w()).isNull();
        assertThat(quote.low52w()).isNull();

        ProviderQuote none = new YearRange(new History())
                .complete(quote("65000", "66000", "64000", null, null), DAY)
                .block();
        assertThat(none.high52w()).isNull();
    }

    @Test
    void theStoredPartIsReadOncePerSymbolAndDayAndAFailureKeepsTheQuote() {
        History history = new History();
        history.saveAll(year(DAY.minusWeeks(53), DAY.minusDays(100), "71000", DAY.minusDays(30), "48000"))
                .block();
        YearRange range = new YearRange(history);
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
