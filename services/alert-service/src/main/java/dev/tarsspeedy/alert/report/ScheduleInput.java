package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.report.ReportExceptions.InvalidScheduleException;
import dev.tarsspeedy.alert.report.ReportExceptions.Violation;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A schedule as a request gives it; for a change, {@code null} fields stay as they are.
 *
 * @param times each either a local time ({@code at}: {@code "08:30"}) or a market-relative one ({@code relativeTo}:
 *     {@code KRX_OPEN}, {@code KRX_CLOSE}, {@code US_OPEN}, {@code US_CLOSE}, with {@code offsetMinutes})
 * @param weekdays {@code MON} ... {@code SUN} (or the full English names)
 */
public record ScheduleInput(
        String name,
        List<TimeInput> times,
        List<String> weekdays,
        String zone,
        List<String> markets,
        Boolean skipMarketHolidays,
        Boolean holidayNotice,
        Boolean paused) {

    /** One time as written; exactly one of {@code at} and {@code relativeTo} is set in a valid one. */
    public record TimeInput(String at, String relativeTo, Integer offsetMinutes) {}

    public static final int MAX_NAME_LENGTH = 100;

    /** The values checked, with the defaults and the current schedule's values where the input has none. */
    public record Checked(
            String name,
            ScheduleRule rule,
            Set<String> markets,
            boolean skipMarketHolidays,
            boolean holidayNotice,
            boolean paused) {}

    /**
     * Checks every field at once.
     *
     * @param current the schedule being changed, or {@code null} for a new one
     * @param defaultZone the user's zone, for a new schedule that names none
     * @throws InvalidScheduleException listing every broken rule
     */
    public Checked check(ReportSchedule current, ZoneId defaultZone, int maxTimes) {
        List<Violation> violations = new ArrayList<>();
        String checkedName = name != null ? name.strip() : current != null ? current.name() : "";
        if (checkedName.length() > MAX_NAME_LENGTH) {
            violations.add(
                    Violation.of("name", "schedule.name-too-long", "must be at most {0} characters", MAX_NAME_LENGTH));
        }

        List<ScheduleTime> checkedTimes =
                current != null && times == null ? current.rule().times() : new ArrayList<>();
        if (times != null || current == null) {
            if (times == null || times.isEmpty()) {
                violations.add(Violation.of("times", "schedule.times-empty", "must name at least one time"));
            } else if (times.size() > maxTimes) {
                violations.add(
                        Violation.of("times", "schedule.times-too-many", "must have at most {0} times", maxTimes));
            } else {
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < times.size(); i++) {
                    ScheduleTime time = time(times.get(i), "times[" + i + "]", violations);
                    if (time != null && seen.add(time.text())) {
                        checkedTimes.add(time);
                    }
                }
            }
        }

        Set<DayOfWeek> checkedDays =
                current != null && weekdays == null ? current.rule().weekdays() : EnumSet.noneOf(DayOfWeek.class);
        if (weekdays != null || current == null) {
            if (weekdays == null || weekdays.isEmpty()) {
                violations.add(Violation.of("weekdays", "schedule.weekdays-empty", "must name at least one weekday"));
            } else {
                for (String day : weekdays) {
                    DayOfWeek parsed = weekday(day);
                    if (parsed == null) {
                        violations.add(Violation.of(
                                "weekdays", "schedule.weekday-unknown", "must be MON, TUE, WED, THU, FRI, SAT or SUN"));
                        break;
                    }
                    checkedDays.add(parsed);
                }
            }
        }

        ZoneId checkedZone = current != null ? current.rule().zone() : defaultZone;
        if (zone != null) {
            try {
                checkedZone = ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                violations.add(
                        Violation.of("zone", "schedule.zone-unknown", "must be a time zone such as Asia/Seoul or UTC"));
            }
        }

        Set<String> checkedMarkets = current != null ? current.markets() : ReportSchedule.ALL_MARKETS;
        if (markets != null) {
            Set<String> named = new TreeSet<>();
            for (String market : markets) {
                String upper = market == null ? "" : market.strip().toUpperCase(Locale.ROOT);
                if (!ReportSchedule.ALL_MARKETS.contains(upper)) {
                    violations.add(Violation.of("markets", "schedule.market-unknown", "must be KRX or US"));
                    break;
                }
                named.add(upper);
            }
            if (named.isEmpty() && violations.stream().noneMatch(v -> v.field().equals("markets"))) {
                violations.add(Violation.of("markets", "schedule.markets-empty", "must name at least one market"));
            }
            checkedMarkets = named;
        }

        if (!violations.isEmpty()) {
            throw new InvalidScheduleException(violations);
        }
        return new Checked(
                checkedName,
                new ScheduleRule(checkedTimes, checkedDays, checkedZone),
                checkedMarkets,
                skipMarketHolidays != null ? skipMarketHolidays : current == null || current.skipMarketHolidays(),
                holidayNotice != null ? holidayNotice : current != null && current.holidayNotice(),
                paused != null ? paused : current != null && current.paused());
    }

    private static ScheduleTime time(TimeInput input, String field, List<Violation> violations) {
        if (input != null && input.at() != null && input.relativeTo() == null) {
            try {
                return ScheduleTime.local(input.at());
            } catch (IllegalArgumentException e) {
                violations.add(
                        Violation.of(field, "schedule.time-invalid", "must be a time of day from 00:00 to 23:59"));
                return null;
            }
        }
        if (input != null && input.relativeTo() != null && input.at() == null) {
            ScheduleTime.MarketEvent event;
            try {
                event = ScheduleTime.MarketEvent.valueOf(
                        input.relativeTo().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(Violation.of(
                        field,
                        "schedule.relative-unknown",
                        "relativeTo must be KRX_OPEN, KRX_CLOSE, US_OPEN or US_CLOSE"));
                return null;
            }
            int offset = input.offsetMinutes() == null ? 0 : input.offsetMinutes();
            if (Math.abs(offset) > ScheduleTime.MAX_OFFSET_MINUTES) {
                violations.add(Violation.of(
                        field,
                        "schedule.offset-out-of-range",
                        "offsetMinutes must be between -{0} and {0}",
                        ScheduleTime.MAX_OFFSET_MINUTES));
                return null;
            }
            return new ScheduleTime.MarketRelative(event, offset);
        }
        violations.add(Violation.of(field, "schedule.time-invalid", "must be a time of day from 00:00 to 23:59"));
        return null;
    }

    private static DayOfWeek weekday(String text) {
        if (text == null) {
            return null;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        return null;
    }
}
