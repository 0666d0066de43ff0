package dev.tarsspeedy.market.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import java.time.Clock;
import java.time.Year;
import org.junit.jupiter.api.Test;

/**
 * The calendar data covers this year and the next, by the real clock: this test starts failing on January 1st of the
 * year whose successor is missing, so a year is added (service README, "Market calendars") before it is needed,
 * never found missing by a market that suddenly counts as closed.
 */
class CalendarCoverageTest {

    @Test
    void everyMarketHasDataForThisYearAndTheNext() {
        DataMarketCalendar calendar = new DataMarketCalendar();
        int thisYear = Year.now(Clock.systemUTC()).getValue();
        for (Market market : Market.values()) {
            for (int year = thisYear; year <= thisYear + 1; year++) {
                assertThat(calendar.covers(market, year))
                        .as(
                                "src/main/resources/calendar/%s.yml covers %d (add it: see the service README, "
                                        + "'Market calendars')",
                                market.name().toLowerCase(java.util.Locale.ROOT), year)
                        .isTrue();
            }
        }
    }
}
