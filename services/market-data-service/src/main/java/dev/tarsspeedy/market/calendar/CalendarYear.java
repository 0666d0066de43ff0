package dev.tarsspeedy.market.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;

/**
 * One year of one market's calendar data: its regular hours, its holidays and its days with other hours.
 *
 * @param year the calendar year
 * @param opens the regular open, in the market's zone
 * @param closes the regular close
 * @param holidays the weekdays without trading, by date
 * @param specialHours the trading days with other hours, by date
 */
public record CalendarYear(
        int year,
        LocalTime opens,
        LocalTime closes,
        Map<LocalDate, Holiday> holidays,
        Map<LocalDate, SpecialHours> specialHours) {

    public CalendarYear {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException(year + ": regular close " + closes + " is not after open " + opens);
        }
        holidays = Map.copyOf(holidays);
        specialHours = Map.copyOf(specialHours);
    }
}
