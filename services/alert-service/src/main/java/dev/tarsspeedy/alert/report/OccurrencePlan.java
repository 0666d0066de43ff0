package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.market.MarketData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one occurrence of a schedule sends, given the markets' calendars. A market is closed "today" when the
 * occurrence's date in the market's own zone has no session (a weekend or a holiday). With
 * {@code skipMarketHolidays}, closed markets' stocks are left out; when every market of the schedule is closed, the
 * occurrence sends nothing, or only the "market closed today" line when the user asked for it ({@code holidayNotice}).
 * Without {@code skipMarketHolidays} every market's stocks are in (with their last prices).
 *
 * @param markets the markets whose stocks are in the report
 * @param closed the schedule's markets closed that day, with the holiday's name where the calendar gives one
 */
public record OccurrencePlan(Action action, Set<String> markets, List<Closed> closed) {

    public enum Action {
        /** A report with the rows of {@code markets}. */
        REPORT,
        /** Only the "market closed today" line: every market is closed and the user asked for the notice. */
        NOTICE,
        /** Nothing is sent. */
        SKIP
    }

    /** A market closed on the occurrence's date; {@code holiday} is {@code null} on a weekend or unnamed day. */
    public record Closed(String market, LocalDate date, String holiday) {}

    public OccurrencePlan {
        markets = Set.copyOf(markets);
        closed = List.copyOf(closed);
    }

    /**
     * @param calendars by market, covering the occurrence's date; a market without one counts as open
     */
    public static OccurrencePlan of(
            ReportSchedule schedule, Instant occurrence, Map<String, MarketData.Calendar> calendars) {
        Set<String> open = new TreeSet<>();
        List<Closed> closed = new ArrayList<>();
        for (String market : new TreeSet<>(schedule.markets())) {
            MarketData.Calendar calendar = calendars.get(market);
            if (calendar == null) {
                open.add(market);
                continue;
            }
            LocalDate date = occurrence.atZone(calendar.zone()).toLocalDate();
            if (calendar.session(date).isPresent()) {
                open.add(market);
            } else {
                closed.add(new Closed(
                        market,
                        date,
                        calendar.holiday(date).map(MarketData.Holiday::name).orElse(null)));
            }
        }
        if (!schedule.skipMarketHolidays()) {
            return new OccurrencePlan(Action.REPORT, schedule.markets(), closed);
        }
        if (!open.isEmpty()) {
            return new OccurrencePlan(Action.REPORT, open, closed);
        }
        return new OccurrencePlan(schedule.holidayNotice() ? Action.NOTICE : Action.SKIP, Set.of(), closed);
    }
}
