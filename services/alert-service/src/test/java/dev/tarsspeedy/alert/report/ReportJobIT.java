package dev.tarsspeedy.alert.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.support.AlertTestBase;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The report job on the real database: exactly once with two claimers, the grace rule after an outage. */
class ReportJobIT extends AlertTestBase {

    @Autowired
    ReportService reports;

    /** A schedule of the user every day at the UTC minute {@code ago} before now, made due at that occurrence. */
    private String dueSchedule(User user, Duration ago) {
        Instant occurrence = clock.instant().minus(ago).truncatedTo(ChronoUnit.MINUTES);
        String time = DateTimeFormatter.ofPattern("HH:mm").format(occurrence.atZone(ZoneOffset.UTC));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("times", List.of(time));
        body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
        body.put("zone", "UTC");
        body.put("skipMarketHolidays", false);
        String id = (String) createSchedule(user, body).get("id");
        database.sql("update report_schedule set next_run_at = :at where id = cast(:id as uuid)")
                .bind("at", occurrence)
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .block();
        return id;
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

        List<Long> sent = Mono.zip(
                        reports.sendDue().subscribeOn(Schedulers.boundedElastic()),
                        reports.sendDue().subscribeOn(Schedulers.boundedElastic()))
                .map(both -> List.of(both.getT1(), both.getT2()))
                .block(Duration.ofSeconds(60));
        assertThat(sent.get(0) + sent.get(1)).isGreaterThanOrEqualTo(25);

        for (String id : ids) {
            List<EmailRequested> mails = outboxEmails("report:" + id + ":");
            assertThat(mails).as("mails of schedule %s", id).hasSize(1);
            assertThat(mails.get(0).category()).isEqualTo(EmailRequested.Category.BULK);
            assertThat(mails.get(0).unsubscribeUrl())
                    .startsWith("https://tars.test/api/reports/schedules/" + id + "/unsubscribe?token=");
            assertThat(nextRunAt(id)).isAfter(clock.instant());
        }
        // Batched: a handful of quote calls for 25 reports, not one per row.
        assertThat(MARKET.calls("quotes") - quoteCalls).isLessThanOrEqualTo(4);

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
