package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.market.MarketData;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a schedule's reports are due: its times on its weekdays, in its zone.
 *
 * <p>Local times follow java.time's rules for the zone: a time that does not exist on a daylight-saving change day
 * (02:30 in New York on the spring change) moves forward by the gap (03:30); an ambiguous one (01:30 on the autumn
 * change) is the earlier of its two instants only, so it is sent once. Market-relative times are the day's regular
 * open or close from the market's calendar plus the offset (a late open moves them), on the market's trading days
 * whose date (the market's own) is one of the weekdays; a market that does not trade that day has no such time.
 *
 * @param weekdays never empty
 */
public record ScheduleRule(List<ScheduleTime> times, Set<DayOfWeek> weekdays, ZoneId zone) {

    /** How far ahead occurrences are looked for: fixed times need a week; relative ones need sessions in sight. */
    public static final int LOOKAHEAD_DAYS = 14;

    public ScheduleRule {
        times = List.copyOf(times);
        weekdays = Set.copyOf(weekdays);
        if (times.isEmpty() || weekdays.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least one time and one weekday");
        }
    }

    /** The markets whose calendars resolve this rule's times. */
    public Set<String> calendarMarkets() {
        Set<String> markets = new TreeSet<>();
        for (ScheduleTime time : times) {
            if (time instanceof ScheduleTime.MarketRelative relative) {
                markets.add(relative.event().market());
            }
        }
        return markets;
    }

    /**
     * The first occurrence strictly after {@code after}; empty only when a relative time finds no session within
     * {@link #LOOKAHEAD_DAYS} in the calendars given ({@code calendars} by market, covering those days).
     */
    public Optional<Instant> nextAfter(Instant after, Map<String, MarketData.Calendar> calendars) {
        Instant best = null;
        LocalDate start = after.atZone(zone).toLocalDate().minusDays(1);
        for (ScheduleTime time : times) {
            Instant candidate = switch (time) {
                case ScheduleTime.AtLocalTime local -> nextLocal(local, start, after);
                case ScheduleTime.MarketRelative relative -> nextRelative(relative, after, calendars);
            };
            if (candidate != null && (best == null || candidate.isBefore(best))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code instant} is one of the rule's occurrences (still, with the calendars as they are now). */
    public boolean isOccurrence(Instant instant, Map<String, MarketData.Calendar> calendars) {
        return nextAfter(instant.minusNanos(1), calendars)
                .filter(instant::equals)
                .isPresent();
    }

    private Instant nextLocal(ScheduleTime.AtLocalTime local, LocalDate start, Instant after) {
        for (int day = 0; day <= 9; day++) {
            LocalDate date = start.plusDays(day);
            if (!weekdays.contains(date.getDayOfWeek())) {
                continue;
            }
            // ZonedDateTime.of: a gap moves the time forward by the gap's length, an overlap takes the earlier offset.
            Instant instant = ZonedDateTime.of(date, local.time(), zone).toInstant();
            if (instant.isAfter(after)) {
                return instant;
            }
        }
        return null;
    }

    private Instant nextRelative(
            ScheduleTime.MarketRelative relative, Instant after, Map<String, MarketData.Calendar> calendars) {
        MarketData.Calendar calendar = calendars.get(relative.event().market());
        if (calendar == null) {
            return null;
        }
        Instant best = null;
        for (MarketData.Session session : calendar.sessions()) {
            if (!weekdays.contains(session.date().getDayOfWeek())) {
                continue;
            }
            Instant base = relative.event().isOpen() ? session.opens() : session.closes();
            Instant instant = base.plusSeconds(60L * relative.offsetMinutes());
            if (instant.isAfter(after) && (best == null || instant.isBefore(best))) {
                best = instant;
            }
        }
        return best;
    }

    /** The weekdays as a mask: Monday 1, Tuesday 2, ... Sunday 64. */
    public int weekdayMask() {
        int mask = 0;
        for (DayOfWeek day : weekdays) {
            mask |= 1 << (day.getValue() - 1);
        }
        return mask;
    }

    public static Set<DayOfWeek> weekdays(int mask) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & (1 << (day.getValue() - 1))) != 0) {
                days.add(day);
            }
        }
        return days;
    }
}
