package dev.tarsspeedy.market.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The market calendars, {@code market.calendar.*}; the README lists the environment variables behind them.
 *
 * @param simulatedSession every market counts as open around the clock (the local stack's demo session, with the
 *     stand-in market in its demo-session mode); {@link MarketHours} applies it, so status, polling and quotes agree
 * @param maxRangeDays the longest range {@code GET /api/market/calendar} answers, in days
 */
@ConfigurationProperties("market.calendar")
public record CalendarSettings(
        @DefaultValue("false") boolean simulatedSession,
        @DefaultValue("400") int maxRangeDays) {

    public CalendarSettings {
        if (maxRangeDays < 1) {
            throw new IllegalArgumentException("market.calendar.max-range-days must be at least 1: " + maxRangeDays);
        }
    }
}
