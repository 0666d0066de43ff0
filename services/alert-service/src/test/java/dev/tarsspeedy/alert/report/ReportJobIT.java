package dev.tarsspeedy.alert.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.support.AlertTestBase;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The report job on the real database: exactly once with two claimers, the grace rule after an outage. */
class ReportJobIT extends AlertTestBase {

    @Autowired
    ReportService reports;

    @Autowired
    ReportSettings settings;

    @Autowired
    MeterRegistry meters;

    /** A schedule of the user every day at the UTC minute {@code ago} before now, made due at that occurrence. */
    private String dueSchedule(User user, Duration ago) {
        return dueSchedule(user, ago, Map.of("skipMarketHolidays", false));
    }

    private String dueSchedule(User user, Duration ago, Map<String, Object> fields) {
        Instant occurrence = occurrence(ago);
        String time = DateTimeFormatter.ofPattern("HH:mm").format(occurrence.atZone(ZoneOffset.UTC));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("times", List.of(time));
        body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
        body.put("zone", "UTC");
        body.putAll(fields);
        String id = (String) createSchedule(user, body).get("id");
        database.sql("update report_schedule set next_run_at = :at where id = cast(:id as uuid)")
                .bind("at", occurrence)
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .block();
        return id;
    }

    private Instant occurrence(Duration ago) {
        return clock.instant().minus(ago).truncatedTo(ChronoUnit.MINUTES);
    }

    @AfterEach
    void noHolidays() {
        MARKET.resetCalendar();
    }

    @Test
    void onAMarketHolidayOnlyTheNoticeGoesOutWhenAskedForAndOtherwiseNothing() {
        // The KRX is closed on the occurrence's date in Seoul (a holiday named by the calendar).
        LocalDate seoulDate = occurrence(Duration.ofMinutes(2))
                .atZone(ZoneId.of("Asia/Seoul"))
                .toLocalDate();
        MARKET.holiday("KRX", seoulDate, "추석");

        User noticeUser = newUser("ko", "Asia/Seoul");
        watch(noticeUser, "005930");
        String notice = dueSchedule(
                noticeUser,
                Duration.ofMinutes(2),
                Map.of("markets", List.of("KRX"), "skipMarketHolidays", true, "holidayNotice", true));
        User quietUser = newUser("en", "UTC");
        watch(quietUser, "005930");
        String quiet = dueSchedule(quietUser, Duration.ofMinutes(2), Map.of("markets", List.of("KRX")));
        Instant occurrence = nextRunAt(quiet);

        reports.sendDue().block(Duration.ofSeconds(30));

        List<EmailRequested> notices = outboxEmails("report:" + notice + ":");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).model()).containsEntry("marketNote", "KRX 오늘 휴장 (추석).");
        assertThat((List<?>) notices.get(0).model().get("rows")).isEmpty();
        // Without the notice nothing goes out, and the schedule still moves on.
        assertThat(outboxEmails("report:" + quiet + ":")).isEmpty();
        assertThat(nextRunAt(quiet)).isEqualTo(occurrence.plus(Duration.ofDays(1)));
    }

    private Instant nextRunAt(String id) {
        return database.sql("select next_run_at from report_schedule where id = cast(:id as uuid)")
                .bind("id", id)
                .map(row -> row.get("next_run_at", Instant.class))
                .one()
                .block();
    }

    @Test
    void twoInstancesOverTheSameDueRowsSendEachOccurrenceOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            User user = newUser();
            watch(user, i % 2 == 0 ? "005930" : "AAPL");
            ids.add(dueSchedule(user, Duration.ofMinutes(1)));
        }
        int quoteCalls = MARKET.calls("quotes");
        double counted = meters.counter("tars.reports.sent").count();

        List<Long> sent = Mono.zip(
                        reports.sendDue().subscribeOn(Schedulers.boundedElastic()),
                        reports.sendDue().subscribeOn(Schedulers.boundedElastic()))
                .map(both -> List.of(both.getT1(), both.getT2()))
                .block(Duration.ofSeconds(60));
        assertThat(sent.get(0) + sent.get(1)).isGreaterThanOrEqualTo(25);
        // tars_reports_sent_total in Prometheus.
        assertThat(meters.counter("tars.reports.sent").count() - counted).isEqualTo(sent.get(0) + sent.get(1));

        for (String id : ids) {
            List<EmailRequested> mails = outboxEmails("report:" + id + ":");
            assertThat(mails).as("mails of schedule %s", id).hasSize(1);
            assertThat(mails.get(0).category()).isEqualTo(EmailRequested.Category.BULK);
            assertThat(mails.get(0).unsubscribeUrl())
                    .startsWith("https://tars.test/api/reports/schedules/" + id + "/unsubscribe?token=");
            assertThat(nextRunAt(id)).isAfter(clock.instant());
        }
        // Batched and reused: at most one quotes call per batch (25 reports in batches of 5), never one per row.
        assertThat(MARKET.calls("quotes") - quoteCalls).isLessThanOrEqualTo(25 / settings.batchSize());

        // A second run finds nothing of these due.
        reports.sendDue().block(Duration.ofSeconds(30));
        for (String id : ids) {
            assertThat(outboxEmails("report:" + id + ":")).hasSize(1);
        }
    }

    @Test
    void afterATenMinuteOutageTheMissedReportIsStillSent() {
        User user = newUser();
        watch(user, "000660");
        String id = dueSchedule(user, Duration.ofMinutes(10));
        Instant occurrence = nextRunAt(id);

        reports.sendDue().block(Duration.ofSeconds(30));

        List<EmailRequested> mails = outboxEmails("report:" + id + ":");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).idempotencyKey()).isEqualTo("report:" + id + ":" + occurrence);
        assertThat(nextRunAt(id)).isEqualTo(occurrence.plus(Duration.ofDays(1)));
    }

    @Test
    void afterATwoHourOutageTheStaleReportIsSkippedAndTheScheduleMovesOn() {
        User user = newUser();
        watch(user, "000660");
        String id = dueSchedule(user, Duration.ofHours(2));
        Instant occurrence = nextRunAt(id);

        reports.sendDue().block(Duration.ofSeconds(30));

        assertThat(outboxEmails("report:" + id + ":")).isEmpty();
        assertThat(nextRunAt(id)).isEqualTo(occurrence.plus(Duration.ofDays(1)));
        assertThat(ZonedDateTime.now(clock).toInstant()).isBefore(nextRunAt(id));
    }
}
