package dev.tarsspeedy.market.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.calendar.MarketStatus.ClosedReason;
import dev.tarsspeedy.platform.caller.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link MarketHours}: the calendar's answer, or "open, simulated" in the demo session; with a fixed clock. */
class MarketHoursTest {

    private static final MarketCalendar CALENDAR = new DataMarketCalendar();

    private static MarketHours at(String instant, boolean simulated) {
        return new MarketHours(
                CALENDAR, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), new CalendarSettings(simulated, 400));
    }

    @Test
    void duringASessionTheMarketIsOpen() {
        MarketStatus status = at("2026-12-01T02:00:00Z", false).status(Market.KRX);
        assertThat(status.open()).isTrue();
        assertThat(status.simulated()).isFalse();
        assertThat(status.closedBecause()).isNull();
        assertThat(status.session().date()).isEqualTo(LocalDate.parse("2026-12-01"));
        // The same instant is 21:00 the evening before in New York.
        assertThat(at("2026-12-01T02:00:00Z", false).isOpen(Market.US)).isFalse();
    }

    @Test
    void onAWeekendItSaysWeekendAndTheNextSession() {
        MarketStatus status = at("2026-12-06T03:00:00Z", false).status(Market.KRX);
        assertThat(status.open()).isFalse();
        assertThat(status.closedBecause()).isEqualTo(ClosedReason.WEEKEND);
        assertThat(status.holiday()).isNull();
        assertThat(status.session().date()).isEqualTo(LocalDate.parse("2026-12-07"));
    }

    @Test
    void onAHolidayItNamesTheHoliday() {
        MarketStatus status = at("2026-06-03T02:00:00Z", false).status(Market.KRX);
        assertThat(status.open()).isFalse();
        assertThat(status.closedBecause()).isEqualTo(ClosedReason.HOLIDAY);
        assertThat(status.holiday().name().in(Language.KO)).isEqualTo("전국동시지방선거");
        assertThat(status.session().date()).isEqualTo(LocalDate.parse("2026-06-04"));
    }

    @Test
    void onATradingDayItSaysBeforeTheOpenOrAfterTheClose() {
        // 09:30 in Seoul on the CSAT day, which opens at 10:00.
        assertThat(at("2026-11-19T00:30:00Z", false).status(Market.KRX).closedBecause())
                .isEqualTo(ClosedReason.BEFORE_OPEN);
        // 13:30 in New York on the day after Thanksgiving, closed at 13:00.
        MarketStatus afterEarlyClose = at("2026-11-27T18:30:00Z", false).status(Market.US);
        assertThat(afterEarlyClose.closedBecause()).isEqualTo(ClosedReason.AFTER_CLOSE);
        assertThat(afterEarlyClose.session().date()).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void theSimulatedSessionIsOpenAroundTheClockAndSaysSo() {
        MarketHours simulated = at("2026-12-06T03:00:00Z", true);
        MarketStatus status = simulated.status(Market.KRX);
        assertThat(status.open()).isTrue();
        assertThat(status.simulated()).isTrue();
        // It still says what the calendar would: a weekend, and when the real session comes.
        assertThat(status.closedBecause()).isEqualTo(ClosedReason.WEEKEND);
        assertThat(status.session().date()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(simulated.isOpen(Market.US)).isTrue();
        assertThat(simulated.simulated()).isTrue();
    }

    @Test
    void aDayWithoutCalendarDataCountsAsClosed() {
        MarketStatus status = at("2031-03-03T02:00:00Z", false).status(Market.KRX);
        assertThat(status.open()).isFalse();
        assertThat(status.closedBecause()).isEqualTo(ClosedReason.NO_CALENDAR_DATA);
        assertThat(status.session()).isNull();
        assertThat(at("2031-03-03T02:00:00Z", true).isOpen(Market.KRX)).isTrue();
    }
}
