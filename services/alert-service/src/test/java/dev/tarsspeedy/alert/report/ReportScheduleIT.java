package dev.tarsspeedy.alert.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.support.AlertTestBase;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Schedules through the API: defaults, zone from the token, bad input changes nothing, pause, one-click unsubscribe. */
class ReportScheduleIT extends AlertTestBase {

    static Map<String, Object> schedule(String... times) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("times", List.of((Object[]) times));
        body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI"));
        return body;
    }

    @Test
    void aScheduleGetsTheProfilesZoneDefaultsAndItsNextOccurrence() {
        User user = newUser("en", "America/New_York");
        Map<String, Object> created = createSchedule(user, schedule("08:30"));
        assertThat(created)
                .containsEntry("zone", "America/New_York")
                .containsEntry("skipMarketHolidays", true)
                .containsEntry("holidayNotice", false)
                .containsEntry("paused", false)
                .containsEntry("markets", List.of("KRX", "US"));
        ZonedDateTime next = Instant.parse((String) created.get("nextRunAt")).atZone(ZoneId.of("America/New_York"));
        assertThat(next.toLocalTime().toString()).isEqualTo("08:30");
        assertThat(next.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        assertThat(Instant.parse((String) created.get("nextRunAt"))).isAfter(clock.instant());

        // A Korean user without the zoneinfo claim: Asia/Seoul.
        User korean = newUser("ko", null);
        Map<String, Object> relative = schedule();
        relative.put("times", List.of(Map.of("relativeTo", "KRX_CLOSE", "offsetMinutes", 30)));
        Map<String, Object> kr = createSchedule(korean, relative);
        assertThat(kr).containsEntry("zone", "Asia/Seoul");
        assertThat(kr.get("times")).isEqualTo(List.of(Map.of("relativeTo", "KRX_CLOSE", "offsetMinutes", 30)));
        ZonedDateTime krNext = Instant.parse((String) kr.get("nextRunAt")).atZone(ZoneId.of("Asia/Seoul"));
        assertThat(krNext.toLocalTime().toString()).isEqualTo("16:00");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        User user = newUser();
        Map<String, Object> bad = schedule("25:00");
        bad.put("weekdays", List.of());
        bad.put("zone", "Mars/Olympus");
        Map<String, Object> problem =
                assertProblem(post("/api/reports/schedules", bad, user.token()), HttpStatus.BAD_REQUEST, "validation");
        assertThat(problem.get("errors").toString()).contains("times[0]", "weekdays", "zone");
        assertThat(count("select count(*) from report_schedule where user_id = :user", "user", user.id()))
                .isZero();

        for (int i = 0; i < 3; i++) {
            createSchedule(user, schedule("0" + i + ":00"));
        }
        assertProblem(
                post("/api/reports/schedules", schedule("09:00"), user.token()), HttpStatus.CONFLICT, "schedule-limit");
        assertThat(count("select count(*) from report_schedule where user_id = :user", "user", user.id()))
                .isEqualTo(3);

        // A bad change leaves the schedule as it was.
        Map<String, Object> first = createScheduleOf(user);
        assertProblem(
                patch("/api/reports/schedules/" + first.get("id"), Map.of("times", List.of("24:00")), user.token()),
                HttpStatus.BAD_REQUEST,
                "validation");
        get("/api/reports/schedules/" + first.get("id"), user.token())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.times[0]")
                .isEqualTo("00:00");
    }

    private Map<String, Object> createScheduleOf(User user) {
        List<Map<String, Object>> all = get("/api/reports/schedules", user.token())
                .expectStatus()
                .isOk()
                .expectBody(LIST)
                .returnResult()
                .getResponseBody();
        return all.get(0);
    }

    @Test
    void pausingClearsTheNextRunAndOneClickUnsubscribePausesOnlyWithTheRightToken() {
        User user = newUser();
        Map<String, Object> created = createSchedule(user, schedule("07:00"));
        String id = (String) created.get("id");
        patch("/api/reports/schedules/" + id, Map.of("paused", true), user.token())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paused")
                .isEqualTo(true)
                .jsonPath("$.nextRunAt")
                .doesNotExist();
        patch("/api/reports/schedules/" + id, Map.of("paused", false), user.token())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.nextRunAt")
                .exists();

        String token = database.sql("select unsubscribe_token from report_schedule where id = cast(:id as uuid)")
                .bind("id", id)
                .map(row -> row.get("unsubscribe_token", String.class))
                .one()
                .block();
        // No access token: the link is the credential (RFC 8058 one-click POST).
        assertProblem(
                client().post()
                        .uri("/api/reports/schedules/" + id + "/unsubscribe?token=wrong")
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "unsubscribe-link-unknown");
        client().get()
                .uri("/api/reports/schedules/" + id + "/unsubscribe?token=" + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("This report is active.", "<form method=\"post\""));
        client().post()
                .uri("/api/reports/schedules/" + id + "/unsubscribe?token=" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("List-Unsubscribe=One-Click")
                .exchange()
                .expectStatus()
                .isNoContent();
        get("/api/reports/schedules/" + id, user.token())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paused")
                .isEqualTo(true);
        delete("/api/reports/schedules/" + id, user.token()).expectStatus().isNoContent();
        assertProblem(get("/api/reports/schedules/" + id, user.token()), HttpStatus.NOT_FOUND, "schedule-not-found");
    }

    @Test
    void sendNowIsLimitedToOncePerInterval() {
        User user = newUser("ko", "Asia/Seoul");
        watch(user, "005930", "AAPL");
        client(user.token())
                .post()
                .uri("/api/reports/send-now")
                .exchange()
                .expectStatus()
                .isAccepted();
        Map<String, Object> problem = assertProblem(
                client(user.token()).post().uri("/api/reports/send-now").exchange(),
                HttpStatus.TOO_MANY_REQUESTS,
                "send-now-too-soon");
        assertThat(((Number) problem.get("retryAfterSeconds")).longValue()).isBetween(1L, 300L);
        client(user.token())
                .post()
                .uri("/api/reports/send-now")
                .exchange()
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);

        List<EmailRequested> mails = outboxEmails("report:now:" + user.id());
        assertThat(mails).hasSize(1);
        EmailRequested mail = mails.get(0);
        assertThat(mail.template()).isEqualTo("stock-report");
        assertThat(mail.locale()).isEqualTo("ko");
        assertThat(mail.to()).isEqualTo(user.email());
        assertThat(mail.category()).isEqualTo(EmailRequested.Category.TRANSACTIONAL);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) mail.model().get("rows");
        assertThat(rows).extracting(row -> row.get("stockName")).containsExactly("삼성전자", "애플");
        assertThat(rows.get(0)).containsEntry("chartRange", "1m").containsEntry("low52w", null);
        assertThat((List<?>) rows.get(0).get("chart")).hasSize(30);
        assertThat((String) mail.model().get("generatedAt")).endsWith("+09:00");
    }

    @Test
    void thePreviewIsTheNotificationServicesHtml() {
        User user = newUser("en", "UTC");
        watch(user, "MSFT");
        client(user.token())
                .get()
                .uri("/api/reports/preview")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Microsoft Corp.", "data:image/png"));
        Map<String, Object> request = MARKET.previews().getLast();
        assertThat(request).containsEntry("locale", "en");
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) request.get("model");
        assertThat(model).containsEntry("zone", "UTC").containsKeys("generatedAt", "manageUrl", "marketNote", "rows");
        assertThat((String) request.get("unsubscribeUrl")).startsWith("https://tars.test/");
    }
}
