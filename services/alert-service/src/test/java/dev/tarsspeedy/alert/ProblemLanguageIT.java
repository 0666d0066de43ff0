package dev.tarsspeedy.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.pricealert.PriceAlertSettings;
import dev.tarsspeedy.alert.support.AlertTestBase;
import dev.tarsspeedy.alert.support.MarketDataStandIn;
import dev.tarsspeedy.platform.test.problem.ProblemLanguageContract;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Cause;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every problem type of the alert service, triggered for real in Korean and in English, and the schedules' field
 * messages word for word.
 */
class ProblemLanguageIT extends AlertTestBase implements ProblemLanguageContract {

    @Autowired
    PriceAlertSettings alertSettings;

    @Test
    void theRulesOfASchedulesAreInBothLanguages() {
        User user = newUser();
        Map<String, Object> body = Map.of("times", List.of("25:00"), "weekdays", List.of(), "zone", "Mars/Olympus");

        Map<String, Object> korean = assertProblem(
                send(user, HttpMethod.POST, "/api/reports/schedules", body, "ko"),
                HttpStatus.BAD_REQUEST,
                "validation");
        assertThat(korean).containsEntry("detail", "유효하지 않은 필드가 있습니다: times[0], weekdays, zone.");
        assertThat(korean.get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "times[0]", "message", "00:00부터 23:59 사이의 시각이어야 합니다"),
                        Map.of("field", "weekdays", "message", "요일을 하나 이상 지정해야 합니다"),
                        Map.of("field", "zone", "message", "Asia/Seoul이나 UTC 같은 시간대여야 합니다")));

        Map<String, Object> english = assertProblem(
                send(user, HttpMethod.POST, "/api/reports/schedules", body, "en"),
                HttpStatus.BAD_REQUEST,
                "validation");
        assertThat(english).containsEntry("detail", "Some fields are invalid: times[0], weekdays, zone.");
        assertThat(english.get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "times[0]", "message", "must be a time of day from 00:00 to 23:59"),
                        Map.of("field", "weekdays", "message", "must name at least one weekday"),
                        Map.of("field", "zone", "message", "must be a time zone such as Asia/Seoul or UTC")));
        assertThat(count("select count(*) from report_schedule where user_id = :user", "user", user.id()))
                .isZero();
    }

    @Override
    public ProblemTriggers problemTriggers() {
        return ProblemTriggers.create()
                .trigger(
                        "unknown-symbol",
                        HttpStatus.NOT_FOUND,
                        Detail.of("unknown-symbol.detail", "ZZZZ"),
                        () -> request(newUser(), HttpMethod.PUT, "/api/watchlist/ZZZZ", null))
                .computed("market-data-unavailable", HttpStatus.SERVICE_UNAVAILABLE, () -> {
                    MARKET.mode(MarketDataStandIn.Mode.DOWN);
                    return new Cause(
                            request(newUser(), HttpMethod.PUT, "/api/watchlist/005930", null),
                            Detail.of("market-data-unavailable.detail"),
                            () -> MARKET.mode(MarketDataStandIn.Mode.UP));
                })
                .trigger("watchlist-full", HttpStatus.CONFLICT, Detail.of("watchlist-full.detail", 5), () -> {
                    User user = newUser();
                    for (int i = 1; i <= 6; i++) {
                        MARKET.listing("80000" + i, "KRX", "종목" + i, "Stock " + i, "500");
                    }
                    for (int i = 1; i <= 5; i++) {
                        watch(user, "80000" + i);
                    }
                    return request(user, HttpMethod.PUT, "/api/watchlist/800006", null);
                })
                .trigger(
                        "not-watched",
                        HttpStatus.NOT_FOUND,
                        Detail.of("not-watched.detail", "AAPL"),
                        () -> request(newUser(), HttpMethod.GET, "/api/watchlist/AAPL", null))
                .trigger(
                        "stock-has-alerts",
                        HttpStatus.CONFLICT,
                        Detail.of("stock-has-alerts.detail", "MSFT", 1),
                        () -> {
                            User user = newUser();
                            watch(user, "MSFT");
                            post(
                                            "/api/alerts",
                                            Map.of("symbol", "MSFT", "kind", "PRICE_BELOW", "price", 1, "mode", "ONCE"),
                                            user.token())
                                    .expectStatus()
                                    .isCreated();
                            return request(user, HttpMethod.DELETE, "/api/watchlist/MSFT", null);
                        })
                .trigger(
                        "alert-not-found",
                        HttpStatus.NOT_FOUND,
                        () -> request(newUser(), HttpMethod.GET, "/api/alerts/" + UUID.randomUUID(), null))
                .trigger("duplicate-alert", HttpStatus.CONFLICT, () -> {
                    User user = newUser();
                    Map<String, Object> alert =
                            Map.of("symbol", "AAPL", "kind", "PRICE_ABOVE", "price", 500, "mode", "ONCE");
                    post("/api/alerts", alert, user.token()).expectStatus().isCreated();
                    return request(user, HttpMethod.POST, "/api/alerts", alert);
                })
                .trigger(
                        "alert-limit-reached",
                        HttpStatus.CONFLICT,
                        Detail.of("alert-limit-reached.detail", alertSettings.maxPerUser()),
                        () -> {
                            User user = newUser();
                            for (int i = 0; i < alertSettings.maxPerUser(); i++) {
                                post(
                                                "/api/alerts",
                                                Map.of(
                                                        "symbol",
                                                        "AAPL",
                                                        "kind",
                                                        "PRICE_ABOVE",
                                                        "price",
                                                        1000 + i,
                                                        "mode",
                                                        "ONCE"),
                                                user.token())
                                        .expectStatus()
                                        .isCreated();
                            }
                            return request(
                                    user,
                                    HttpMethod.POST,
                                    "/api/alerts",
                                    Map.of("symbol", "AAPL", "kind", "PRICE_ABOVE", "price", 1, "mode", "ONCE"));
                        })
                .trigger(
                        "schedule-not-found",
                        HttpStatus.NOT_FOUND,
                        () -> request(newUser(), HttpMethod.GET, "/api/reports/schedules/" + UUID.randomUUID(), null))
                .trigger("schedule-limit", HttpStatus.CONFLICT, Detail.of("schedule-limit.detail", 3), () -> {
                    User user = newUser();
                    for (int i = 0; i < 3; i++) {
                        createSchedule(user, Map.of("times", List.of("1" + i + ":00"), "weekdays", List.of("MON")));
                    }
                    return request(
                            user,
                            HttpMethod.POST,
                            "/api/reports/schedules",
                            Map.of("times", List.of("18:00"), "weekdays", List.of("MON")));
                })
                .trigger(
                        "send-now-too-soon",
                        HttpStatus.TOO_MANY_REQUESTS,
                        Detail.fromProblem("send-now-too-soon.detail", problem ->
                                new Object[] {((Number) problem.get("retryAfterSeconds")).longValue()}),
                        () -> {
                            User user = newUser();
                            client(user.token())
                                    .post()
                                    .uri("/api/reports/send-now")
                                    .exchange()
                                    .expectStatus()
                                    .isAccepted();
                            return request(user, HttpMethod.POST, "/api/reports/send-now", null);
                        })
                .trigger("no-email-address", HttpStatus.UNPROCESSABLE_CONTENT, () -> {
                    UUID id = UUID.randomUUID();
                    return client(userToken(id, Map.of("locale", "en"))).post().uri("/api/reports/send-now");
                })
                .trigger(
                        "unsubscribe-link-unknown",
                        HttpStatus.NOT_FOUND,
                        () -> client().post()
                                .uri("/api/reports/schedules/" + UUID.randomUUID() + "/unsubscribe?token=nothing"))
                .computed("preview-unavailable", HttpStatus.SERVICE_UNAVAILABLE, () -> {
                    // An empty watchlist needs no market data; the notification service's preview fails.
                    MARKET.previewFails(true);
                    return new Cause(
                            request(newUser(), HttpMethod.GET, "/api/reports/preview", null),
                            Detail.of("preview-unavailable.detail"),
                            () -> MARKET.previewFails(false));
                })
                .trigger(
                        "validation",
                        HttpStatus.BAD_REQUEST,
                        Detail.inReadersLanguage(),
                        () -> request(
                                newUser(),
                                HttpMethod.POST,
                                "/api/reports/schedules",
                                Map.of("times", List.of("25:00"), "weekdays", List.of("MON"))));
    }

    private WebTestClient.ResponseSpec send(User user, HttpMethod method, String path, Object body, String language) {
        return request(user, method, path, body)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> request(User user, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request =
                client(user.token()).method(method).uri(path);
        if (body == null) {
            return request;
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
