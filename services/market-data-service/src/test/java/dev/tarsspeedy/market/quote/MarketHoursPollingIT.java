package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.Session;
import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.standin.market.Provider;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

/**
 * Providers are called only while the market is in session, plus one closing fetch after the close whose prices
 * become the day's closes; nothing at night, on a weekend, on a holiday or before the open, in Seoul and in New York.
 */
class MarketHoursPollingIT extends MarketTestBase {

    @Test
    void noProviderCallOutsideTheSessionButOneClosingFetch() {
        goToSession(Market.KRX, Duration.ofMinutes(30));
        String symbol = krxSymbol(1);
        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));
        awaitProvidersQuiet();

        Session session = calendar.openSession(Market.KRX, CLOCK.instant()).orElseThrow();
        advanceTo(session.closes().plusSeconds(60));
        long beforeClose = calls();
        poll();
        assertThat(calls()).as("the closing fetch").isGreaterThan(beforeClose);
        assertThat(count(
                        "select count(*) from quote_history where symbol = :symbol and trading_day = :day",
                        "symbol",
                        symbol,
                        "day",
                        session.date()))
                .as("the day's close is stored")
                .isOne();

        long afterClosingFetch = calls();
        poll();
        CLOCK.advance(Duration.ofMinutes(5));
        poll();
        assertThat(calls()).as("only one closing fetch").isEqualTo(afterClosingFetch);

        advanceTo(session.date()
                .atTime(LocalTime.of(20, 0))
                .atZone(Market.KRX.zone())
                .toInstant());
        poll();
        assertThat(calls()).as("20:00 KST").isEqualTo(afterClosingFetch);

        LocalDate saturday = session.date().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        advanceTo(saturday.atTime(LocalTime.of(11, 0)).atZone(Market.KRX.zone()).toInstant());
        poll();
        assertThat(calls()).as("a Saturday").isEqualTo(afterClosingFetch);

        LocalDate holiday = nextWeekdayHoliday(Market.KRX, saturday);
        advanceTo(holiday.atTime(LocalTime.of(11, 0)).atZone(Market.KRX.zone()).toInstant());
        poll();
        assertThat(calls()).as("the holiday %s", holiday).isEqualTo(afterClosingFetch);

        Session next = calendar.nextSession(Market.KRX, CLOCK.instant());
        advanceTo(next.opens().minus(Duration.ofMinutes(30)));
        poll();
        assertThat(calls()).as("before the open of %s", next.date()).isEqualTo(afterClosingFetch);
    }

    @Test
    void noFinnhubCallOutsideTheNewYorkSessionButOneClosingFetch() {
        goToSession(Market.US, Duration.ofMinutes(30));
        String symbol = usSymbol(6);
        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));
        awaitProvidersQuiet();

        Session session = calendar.openSession(Market.US, CLOCK.instant()).orElseThrow();
        advanceTo(session.closes().plusSeconds(60));
        long beforeClose = finnhubCalls();
        poll();
        assertThat(finnhubCalls()).as("the closing fetch").isGreaterThan(beforeClose);
        assertThat(count(
                        "select count(*) from quote_history where symbol = :symbol and trading_day = :day",
                        "symbol",
                        symbol,
                        "day",
                        session.date()))
                .as("the day's close is stored")
                .isOne();

        awaitProvidersQuiet();
        long afterClosingFetch = finnhubCalls();
        CLOCK.advance(Duration.ofMinutes(5));
        poll();
        assertThat(finnhubCalls()).as("only one closing fetch").isEqualTo(afterClosingFetch);

        // 21:00 in New York is already the next day in UTC: the market's own zone decides.
        advanceTo(session.date()
                .atTime(LocalTime.of(21, 0))
                .atZone(Market.US.zone())
                .toInstant());
        poll();
        assertThat(finnhubCalls()).as("21:00 in New York").isEqualTo(afterClosingFetch);

        LocalDate sunday = session.date().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        advanceTo(sunday.atTime(LocalTime.of(11, 0)).atZone(Market.US.zone()).toInstant());
        poll();
        assertThat(finnhubCalls()).as("a Sunday").isEqualTo(afterClosingFetch);

        LocalDate holiday = nextWeekdayHoliday(Market.US, sunday);
        advanceTo(holiday.atTime(LocalTime.of(11, 0)).atZone(Market.US.zone()).toInstant());
        poll();
        assertThat(finnhubCalls()).as("the holiday %s", holiday).isEqualTo(afterClosingFetch);

        Session next = calendar.nextSession(Market.US, CLOCK.instant());
        advanceTo(next.opens().minus(Duration.ofMinutes(30)));
        poll();
        assertThat(finnhubCalls()).as("before the open of %s", next.date()).isEqualTo(afterClosingFetch);
    }

    private LocalDate nextWeekdayHoliday(Market market, LocalDate from) {
        LocalDate day = from;
        for (int i = 0; i < 400; i++) {
            day = day.plusDays(1);
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (weekday && calendar.session(market, day).isEmpty()) {
                return day;
            }
        }
        throw new AssertionError("no " + market + " holiday on a weekday within 400 days of " + from);
    }

    private static long finnhubCalls() {
        return MARKET.calls().count(Provider.FINNHUB);
    }

    private static long calls() {
        return MARKET.calls().count(Provider.KIS) + MARKET.calls().count(Provider.FSC);
    }
}
