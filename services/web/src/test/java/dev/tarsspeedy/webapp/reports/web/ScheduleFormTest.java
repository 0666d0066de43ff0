package dev.tarsspeedy.webapp.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.webapp.reports.client.ReportClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The schedule form's one line of times, as the API takes them and back. */
class ScheduleFormTest {

    @Test
    void localAndMarketRelativeTimesBecomeTheApisShapes() {
        ScheduleForm form = new ScheduleForm(
                " Morning ", "08:30, krx_close+30 ,US_OPEN - 15,", List.of("MON"), "Asia/Seoul", List.of("KRX"), null);

        ReportClient.ScheduleInput input = form.input(null);

        assertThat(input.name()).isEqualTo("Morning");
        assertThat(input.times())
                .containsExactly(
                        "08:30",
                        Map.of("relativeTo", "KRX_CLOSE", "offsetMinutes", 30),
                        Map.of("relativeTo", "US_OPEN", "offsetMinutes", -15));
        assertThat(input.skipMarketHolidays()).as("an unchecked box").isFalse();
        assertThat(input.paused()).isNull();
    }

    @Test
    void whatTheApiCannotReadIsSentAsWrittenForItToName() {
        ReportClient.ScheduleInput input = new ScheduleForm("", "25:00, soon", null, " ", null, true).input(null);

        assertThat(input.name()).as("no name").isNull();
        assertThat(input.times()).containsExactly("25:00", "soon");
        assertThat(input.weekdays()).isEmpty();
        assertThat(input.zone()).isNull();
        assertThat(input.markets()).isEmpty();
    }

    @Test
    void aSchedulesTimesReadBackAsTheFormWritesThem() {
        ReportClient.Schedule schedule = new ReportClient.Schedule(
                UUID.randomUUID(),
                "Close",
                List.of("08:30", Map.of("relativeTo", "KRX_CLOSE", "offsetMinutes", -10)),
                List.of("MON", "FRI"),
                "Asia/Seoul",
                List.of("KRX", "US"),
                true,
                false,
                false,
                Instant.parse("2026-12-07T23:30:00Z"),
                null);

        assertThat(ScheduleForm.of(schedule).times()).isEqualTo("08:30, KRX_CLOSE-10");
        assertThat(new ReportTexts().describe(schedule, Locale.ENGLISH))
                .isEqualTo("08:30, KRX_CLOSE-10 · Mon, Fri · KRX, US · Asia/Seoul");
        assertThat(new ReportTexts().describe(schedule, Locale.KOREAN)).contains("월, 금");
    }
}
