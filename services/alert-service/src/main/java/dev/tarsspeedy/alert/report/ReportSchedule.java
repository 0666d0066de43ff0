package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.UserId;
import java.time.Instant;
import java.util.Set;

/**
 * A report schedule: when ({@link #rule}), which of the watchlist's markets ({@code KRX}, {@code US}), what a market
 * holiday does, whether it is paused. {@code nextRunAt} is {@code null} while paused.
 *
 * @param skipMarketHolidays leave out the stocks of markets closed that day (all closed: see {@code holidayNotice})
 * @param holidayNotice when every market of the schedule is closed, send a short "market closed today" mail instead
 *     of nothing
 */
public record ReportSchedule(
        ScheduleId id,
        UserId userId,
        String email,
        String locale,
        String name,
        ScheduleRule rule,
        Set<String> markets,
        boolean skipMarketHolidays,
        boolean holidayNotice,
        boolean paused,
        Instant nextRunAt,
        Instant lastRunAt,
        String unsubscribeToken,
        Instant createdAt,
        Instant updatedAt) {

    /** The markets a schedule covers when it names none. */
    public static final Set<String> ALL_MARKETS = Set.of("KRX", "US");

    public ReportSchedule {
        markets = Set.copyOf(markets);
    }
}
