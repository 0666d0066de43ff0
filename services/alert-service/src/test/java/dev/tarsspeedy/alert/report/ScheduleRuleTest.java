package dev.tarsspeedy.alert.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.alert.market.MarketData;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Next occurrences with java.time: DST gaps and overlaps, a zone without DST, weekday masks, market-relative times. */
class ScheduleRuleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static ScheduleRule rule(ZoneId zone, Set<DayOfWeek> days, String... times) {
        List<ScheduleTime> parsed = new ArrayList<>();
        for (String time : times) {
            parsed.add(ScheduleTime.parse(time));
        }
        return new ScheduleRule(parsed, days, zone);
    }

    private static Instant next(ScheduleRule rule, Instant after) {
        return rule.nextAfter(after, Map.of()).orElseThrow();
    }

    @Test
    void inNewYorkATimeInTheSpringGapMovesForwardAndTheSameLocalTimeKeepsItsHourAcrossTheChange() {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist that day.
        ScheduleRule night = rule(NEW_YORK, EVERY_DAY, "02:30");
        Instant first = next(night, Instant.parse("2026-03-07T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
        assertThat(first.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(next(night, first)).isEqualTo(Instant.parse("2026-03-09T06:30:00Z")); // 02:30 EDT again

        ScheduleRule morning = rule(NEW_YORK, EVERY_DAY, "08:30");
        assertThat(next(morning, Instant.parse("2026-03-07T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-07T13:30:00Z")); // EST, UTC-5
        assertThat(next(morning, Instant.parse("2026-03-07T13:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-08T12:30:00Z")); // EDT, UTC-4
    }

    @Test
    void inNewYorkAnAmbiguousAutumnTimeIsSentOnce() {
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
        ScheduleRule rule = rule(NEW_YORK, EVERY_DAY, "01:30");
        Instant first = next(rule, Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // the earlier, EDT
        Instant second = next(rule, first);
        assertThat(second).isEqualTo(Instant.parse("2026-11-02T06:30:00Z")); // the next day, not 06:30Z the same day
        assertThat(rule.isOccurrence(Instant.parse("2026-11-01T06:30:00Z"), Map.of()))
                .isFalse();
    }

    @Test
    void inSeoulWithoutDstTheTimeIsTheSameInstantOfDayAllYear() {
        ScheduleRule rule = rule(SEOUL, EVERY_DAY, "08:30");
        for (String day : List.of("2026-03-07", "2026-03-08", "2026-03-09", "2026-10-31", "2026-11-01", "2026-11-02")) {
            Instant after = LocalDate.parse(day).atStartOfDay(SEOUL).toInstant();
            Instant next = next(rule, after);
            assertThat(next)
                    .isEqualTo(ZonedDateTime.of(LocalDate.parse(day), LocalTime.of(8, 30), SEOUL)
                            .toInstant());
            assertThat(next.atZone(ZoneId.of("UTC")).toLocalTime()).isEqualTo(LocalTime.of(23, 30));
        }
    }

    @Test
    void weekdayMasksSkipTheDaysNotChosen() {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        ScheduleRule rule = rule(SEOUL, days, "08:30", "16:00");
        // Friday 2026-12-04 after 16:00 KST: next is Monday 2026-12-07 08:30.
        Instant fridayEvening =
                ZonedDateTime.of(2026, 12, 4, 17, 0, 0, 0, SEOUL).toInstant();
        assertThat(next(rule, fridayEvening).atZone(SEOUL))
                .isEqualTo(ZonedDateTime.of(2026, 12, 7, 8, 30, 0, 0, SEOUL));
        // Monday at noon: 16:00 the same day.
        Instant mondayNoon = ZonedDateTime.of(2026, 12, 7, 12, 0, 0, 0, SEOUL).toInstant();
        assertThat(next(rule, mondayNoon).atZone(SEOUL)).isEqualTo(ZonedDateTime.of(2026, 12, 7, 16, 0, 0, 0, SEOUL));
        // Tuesday: Wednesday 08:30.
        Instant tuesday = ZonedDateTime.of(2026, 12, 8, 7, 0, 0, 0, SEOUL).toInstant();
        assertThat(next(rule, tuesday).atZone(SEOUL)).isEqualTo(ZonedDateTime.of(2026, 12, 9, 8, 30, 0, 0, SEOUL));

        assertThat(rule.weekdayMask()).isEqualTo(1 | 4 | 16);
        assertThat(ScheduleRule.weekdays(rule.weekdayMask())).isEqualTo(days);
        assertThat(ScheduleRule.weekdays(127)).isEqualTo(EVERY_DAY);
        assertThatThrownBy(() -> rule(SEOUL, Set.of(), "08:30")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMarketRelativeTimeFollowsALateOpen() {
        // KRX's first trading day of 2027 opens at 10:00 instead of 09:00.
        MarketData.Calendar krx = new MarketData.Calendar(
                "KRX",
                SEOUL,
                List.of(
                        session("2027-01-04", "10:00", "15:30", "late open"),
                        session("2027-01-05", "09:00", "15:30", null)),
                List.of(new MarketData.Holiday(LocalDate.parse("2027-01-01"), "New Year's Day")));
        ScheduleRule beforeOpen = rule(SEOUL, EVERY_DAY, "KRX_OPEN-30");
        Map<String, MarketData.Calendar> calendars = Map.of("KRX", krx);

        Instant lateDay = beforeOpen
                .nextAfter(ZonedDateTime.of(2026, 12, 31, 12, 0, 0, 0, SEOUL).toInstant(), calendars)
                .orElseThrow();
        assertThat(lateDay.atZone(SEOUL)).isEqualTo(ZonedDateTime.of(2027, 1, 4, 9, 30, 0, 0, SEOUL));
        Instant normalDay = beforeOpen.nextAfter(lateDay, calendars).orElseThrow();
        assertThat(normalDay.atZone(SEOUL)).isEqualTo(ZonedDateTime.of(2027, 1, 5, 8, 30, 0, 0, SEOUL));

        ScheduleRule afterClose = rule(SEOUL, EnumSet.of(DayOfWeek.TUESDAY), "KRX_CLOSE+30");
        assertThat(afterClose.calendarMarkets()).containsExactly("KRX");
        assertThat(afterClose.nextAfter(lateDay, calendars).orElseThrow().atZone(SEOUL))
                .isEqualTo(ZonedDateTime.of(2027, 1, 5, 16, 0, 0, 0, SEOUL));
        assertThat(afterClose.nextAfter(normalDay.plusSeconds(86_400), calendars))
                .isEmpty();
    }

    @Test
    void storedTimesReadBackAsWritten() {
        assertThat(ScheduleTime.parse("08:30").text()).isEqualTo("08:30");
        assertThat(ScheduleTime.parse("KRX_CLOSE+30").text()).isEqualTo("KRX_CLOSE+30");
        assertThat(ScheduleTime.parse("US_OPEN-15"))
                .isEqualTo(new ScheduleTime.MarketRelative(ScheduleTime.MarketEvent.US_OPEN, -15));
        assertThatThrownBy(() -> ScheduleTime.parse("25:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleTime.parse("8:3")).isInstanceOf(IllegalArgumentException.class);
    }

    static MarketData.Session session(String date, String opens, String closes, String note) {
        LocalDate day = LocalDate.parse(date);
        return new MarketData.Session(
                day,
                ZonedDateTime.of(day, LocalTime.parse(opens), SEOUL).toInstant(),
                ZonedDateTime.of(day, LocalTime.parse(closes), SEOUL).toInstant(),
                note);
    }
}
