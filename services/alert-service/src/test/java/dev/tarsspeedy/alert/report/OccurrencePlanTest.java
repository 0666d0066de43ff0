package dev.tarsspeedy.alert.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.market.MarketData;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A market holiday: skipped, replaced by the notice when asked for, or leaving only the open market's stocks. */
class OccurrencePlanTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Chuseok 2026: KRX closed Thursday 2026-09-24 to Saturday. */
    private static final Instant CHUSEOK_MORNING =
            ZonedDateTime.of(2026, 9, 24, 8, 30, 0, 0, SEOUL).toInstant();

    private static final MarketData.Calendar KRX = new MarketData.Calendar(
            "KRX",
            SEOUL,
            List.of(ScheduleRuleTest.session("2026-09-23", "09:00", "15:30", null)),
            List.of(new MarketData.Holiday(LocalDate.parse("2026-09-24"), "추석")));
    /** On 2026-09-23 in New York (the evening before in Seoul) the US market trades. */
    private static final MarketData.Calendar US = new MarketData.Calendar(
            "US",
            NEW_YORK,
            List.of(new MarketData.Session(
                    LocalDate.parse("2026-09-23"),
                    Instant.parse("2026-09-23T13:30:00Z"),
                    Instant.parse("2026-09-23T20:00:00Z"),
                    null)),
            List.of());

    private static ReportSchedule schedule(Set<String> markets, boolean skip, boolean notice) {
        return new ReportSchedule(
                new ScheduleId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()),
                "kim@example.com",
                "ko",
                "",
                new ScheduleRule(List.of(ScheduleTime.parse("08:30")), EnumSet.allOf(DayOfWeek.class), SEOUL),
                markets,
                skip,
                notice,
                false,
                CHUSEOK_MORNING,
                null,
                "token",
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void aHolidayIsSkippedWithoutTheNotice() {
        OccurrencePlan plan =
                OccurrencePlan.of(schedule(Set.of("KRX"), true, false), CHUSEOK_MORNING, Map.of("KRX", KRX));
        assertThat(plan.action()).isEqualTo(OccurrencePlan.Action.SKIP);
        assertThat(plan.closed())
                .containsExactly(new OccurrencePlan.Closed("KRX", LocalDate.parse("2026-09-24"), "추석"));
    }

    @Test
    void theNoticeReplacesTheReportWhenAskedFor() {
        OccurrencePlan plan =
                OccurrencePlan.of(schedule(Set.of("KRX"), true, true), CHUSEOK_MORNING, Map.of("KRX", KRX));
        assertThat(plan.action()).isEqualTo(OccurrencePlan.Action.NOTICE);
        assertThat(plan.markets()).isEmpty();
        assertThat(ReportComposer.marketNote(plan.closed(), "ko")).isEqualTo("KRX 오늘 휴장 (추석).");
        assertThat(ReportComposer.marketNote(plan.closed(), "en")).isEqualTo("KRX is closed today (추석).");
    }

    @Test
    void anOpenMarketStillReportsItsStocks() {
        OccurrencePlan plan = OccurrencePlan.of(
                schedule(Set.of("KRX", "US"), true, false), CHUSEOK_MORNING, Map.of("KRX", KRX, "US", US));
        assertThat(plan.action()).isEqualTo(OccurrencePlan.Action.REPORT);
        assertThat(plan.markets()).containsExactly("US");
    }

    @Test
    void withoutSkippingEveryMarketIsReported() {
        OccurrencePlan plan =
                OccurrencePlan.of(schedule(Set.of("KRX"), false, false), CHUSEOK_MORNING, Map.of("KRX", KRX));
        assertThat(plan.action()).isEqualTo(OccurrencePlan.Action.REPORT);
        assertThat(plan.markets()).containsExactly("KRX");
    }
}
