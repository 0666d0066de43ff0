package dev.tarsspeedy.standin.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seeded walk: reproducible, moving only in session (unless demo), on the tick grid, never 0, history-consistent. */
class PricesTest {

    /** Saturday 2026-12-05 noon in Seoul. */
    static final Instant KRX_SATURDAY = Instant.parse("2026-12-05T03:00:00Z");
    /** Monday 2026-12-07 08:00 in Seoul, before the open. */
    static final Instant KRX_BEFORE_OPEN = Instant.parse("2026-12-06T23:00:00Z");
    /** Monday 2026-12-07 10:00 in Seoul. */
    static final Instant KRX_IN_SESSION = Instant.parse("2026-12-07T01:00:00Z");

    private static MarketStandIn start(Clock clock, long seed, boolean demo) {
        return MarketStandIn.start(
                MarketStandIn.options().seed(seed).clock(clock).demoSession(demo));
    }

    @Test
    void theSameSeedAndClockGiveTheSameQuotesAndHistory() {
        MutableClock clock = new MutableClock(KRX_IN_SESSION);
        try (MarketStandIn a = start(clock, 7, false);
                MarketStandIn b = start(clock, 7, false);
                MarketStandIn other = start(clock, 8, false)) {
            LocalDate from = LocalDate.of(2025, 12, 1);
            LocalDate to = LocalDate.of(2026, 12, 4);
            assertThat(a.history("005930", from, to)).isEqualTo(b.history("005930", from, to));
            assertThat(a.history("005930", from, to)).isNotEqualTo(other.history("005930", from, to));
            for (String symbol : List.of("005930", "000660", "AAPL", "NVDA")) {
                assertThat(a.price(symbol)).isEqualTo(b.price(symbol));
            }
            // asked in another order, at another moment first: the same numbers
            clock.advance(Duration.ofMinutes(17));
            BigDecimal later = b.price("000660").orElseThrow();
            assertThat(a.price("000660")).contains(later);
        }
    }

    @Test
    void pricesStandStillOutsideTheSessionAndMoveInIt() {
        MutableClock clock = new MutableClock(KRX_SATURDAY);
        try (MarketStandIn market = start(clock, 42, false)) {
            List<String> symbols = market.listings(Market.KRX).stream()
                    .limit(10)
                    .map(Listing::symbol)
                    .toList();
            List<Optional<BigDecimal>> saturday =
                    symbols.stream().map(market::price).toList();
            clock.advance(Duration.ofHours(5));
            assertThat(symbols.stream().map(market::price).toList()).isEqualTo(saturday);

            clock.set(KRX_BEFORE_OPEN);
            List<Optional<BigDecimal>> beforeOpen =
                    symbols.stream().map(market::price).toList();
            assertThat(beforeOpen).isEqualTo(saturday); // Friday's close, all weekend long
            LocalDate friday = LocalDate.of(2026, 12, 4);
            assertThat(beforeOpen.getFirst())
                    .contains(market.history(symbols.getFirst(), friday, friday)
                            .getFirst()
                            .close());

            clock.set(KRX_IN_SESSION);
            List<Optional<BigDecimal>> at10 =
                    symbols.stream().map(market::price).toList();
            clock.advance(Duration.ofMinutes(45));
            List<Optional<BigDecimal>> at1045 =
                    symbols.stream().map(market::price).toList();
            assertThat(at1045).isNotEqualTo(at10);
            assertThat(market.isOpen(Market.KRX)).isTrue();
            assertThat(market.isOpen(Market.US)).isFalse();
        }
    }

    @Test
    void theDemoSessionMovesAroundTheClock() {
        MutableClock clock = new MutableClock(KRX_SATURDAY);
        try (MarketStandIn market = start(clock, 42, true)) {
            assertThat(market.isOpen(Market.KRX)).isTrue();
            assertThat(market.isOpen(Market.US)).isTrue();
            List<String> symbols = List.of("005930", "000660", "035420", "AAPL", "MSFT", "NVDA");
            List<Optional<BigDecimal>> before =
                    symbols.stream().map(market::price).toList();
            clock.advance(Duration.ofMinutes(40));
            assertThat(symbols.stream().map(market::price).toList()).isNotEqualTo(before);

            MarketClient client = new MarketClient(market);
            assertThat(client.get("/__stand-in/health").header(MarketStandIn.SESSION_HEADER))
                    .isEqualTo("simulated");
            assertThat(client.finnhub("/api/v1/quote?symbol=AAPL").header(MarketStandIn.SESSION_HEADER))
                    .isEqualTo("simulated");
        }
    }

    @Test
    void pricesAreOnTheTickGridAndNeverZero() {
        Clock clock = Clock.fixed(KRX_IN_SESSION.plus(Duration.ofMinutes(133)), ZoneOffset.UTC);
        try (MarketStandIn market = start(clock, 3, false)) {
            List<Listing> sample = market.listings(Market.KRX).stream()
                    .filter(l -> l.rank() % 4 == 1)
                    .toList();
            for (Listing listing : sample) {
                PriceModel.Snapshot s = market.snapshot(listing, clock.instant());
                long price = s.price().longValueExact();
                assertThat(price).as(listing.symbol()).isPositive();
                assertThat(price % Ticks.krxTick(price)).as(listing.symbol()).isZero();
                assertThat(s.high()).isGreaterThanOrEqualTo(s.price());
                assertThat(s.low()).isLessThanOrEqualTo(s.price()).isPositive();
                assertThat(s.previousClose()).isPositive();
            }
            for (Listing listing : market.listings(Market.US).stream()
                    .filter(l -> l.rank() % 4 == 1)
                    .toList()) {
                BigDecimal price = market.price(listing.symbol()).orElseThrow();
                assertThat(price).as(listing.symbol()).isPositive();
                assertThat(price.scale()).isEqualTo(2);
            }
        }
    }

    @Test
    void aQuoteAgreesWithItsHistory() {
        Clock clock = Clock.fixed(KRX_IN_SESSION, ZoneOffset.UTC);
        try (MarketStandIn market = start(clock, 42, false)) {
            Listing samsung = market.master().find("005930").orElseThrow();
            PriceModel.Snapshot s = market.snapshot(samsung, clock.instant());
            LocalDate today = LocalDate.of(2026, 12, 7);
            List<DailyBar> year = market.history("005930", today.minusWeeks(52), today.minusDays(1));

            assertThat(year.getLast().close()).isEqualTo(s.previousClose());
            assertThat(year.size()).isBetween(255, 262); // weekdays of a year
            BigDecimal high =
                    year.stream().map(DailyBar::high).max(BigDecimal::compareTo).orElseThrow();
            BigDecimal low =
                    year.stream().map(DailyBar::low).min(BigDecimal::compareTo).orElseThrow();
            assertThat(s.week52High()).isEqualTo(high.max(s.high()));
            assertThat(s.week52Low()).isEqualTo(low.min(s.low()));
            for (DailyBar bar : year) {
                assertThat(bar.high()).isGreaterThanOrEqualTo(bar.open().max(bar.close()));
                assertThat(bar.low()).isLessThanOrEqualTo(bar.open().min(bar.close()));
                assertThat(bar.volume()).isPositive();
            }
            Quote quote = market.quote("005930").orElseThrow();
            assertThat(quote.price()).isEqualTo(s.price());
            assertThat(quote.previousClose()).isEqualTo(year.getLast().close());
            assertThat(quote.change())
                    .isEqualTo(s.price().subtract(year.getLast().close()));
            assertThat(quote.currency()).isEqualTo("KRW");
            assertThat(quote.asOf()).isEqualTo(clock.instant());
            assertThat(quote.inSession()).isTrue();
            // at the close the quote is the day's bar
            Instant close = Instant.parse("2026-12-07T06:30:00Z");
            PriceModel.Snapshot closing = market.snapshot(samsung, close);
            DailyBar bar = market.history("005930", today, today).getFirst();
            assertThat(closing.price()).isEqualTo(bar.close());
            assertThat(closing.high()).isEqualTo(bar.high());
            assertThat(closing.low()).isEqualTo(bar.low());
            assertThat(closing.inSession()).isFalse();
        }
    }

    @Test
    void aHolidayHasNoSessionAndNoBar() {
        LocalDate holiday = LocalDate.of(2026, 12, 7);
        MutableClock clock = new MutableClock(KRX_IN_SESSION);
        try (MarketStandIn market =
                MarketStandIn.start(MarketStandIn.options().clock(clock).holidays(Market.KRX, List.of(holiday)))) {
            assertThat(market.isOpen(Market.KRX)).isFalse();
            BigDecimal at10 = market.price("005930").orElseThrow();
            clock.advance(Duration.ofHours(2));
            assertThat(market.price("005930")).contains(at10);
            assertThat(market.history("005930", holiday.minusDays(3), holiday))
                    .extracting(DailyBar::day)
                    .containsExactly(LocalDate.of(2026, 12, 4));
        }
    }

    @Test
    void newYorkSessionFollowsDaylightSaving() {
        // 2026-03-09 is the Monday after the switch to EDT: the session opens at 13:30 UTC, not 14:30
        try (MarketStandIn market = MarketStandIn.start(
                MarketStandIn.options().clock(Clock.fixed(Instant.parse("2026-03-09T13:45:00Z"), ZoneOffset.UTC)))) {
            assertThat(market.isOpen(Market.US)).isTrue();
        }
        try (MarketStandIn market = MarketStandIn.start(
                MarketStandIn.options().clock(Clock.fixed(Instant.parse("2026-03-06T13:45:00Z"), ZoneOffset.UTC)))) {
            assertThat(market.isOpen(Market.US)).isFalse();
        }
    }
}
