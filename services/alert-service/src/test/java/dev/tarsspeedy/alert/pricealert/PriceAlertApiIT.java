package dev.tarsspeedy.alert.pricealert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /api/alerts}: create, list, change, delete, the limit and identical alerts (409), bad input as problems in
 * Korean and English that change nothing, and alerts on stocks that are not (or no longer) on the watchlist.
 */
class PriceAlertApiIT extends PriceAlertTestBase {

    @Test
    void anAlertIsCreatedListedChangedAndDeleted() {
        User user = newUser("en", "America/New_York");
        String symbol = newSymbol("99");
        Map<String, Object> body = above(symbol, "100.50");
        body.put("mode", "REARM");

        Map<String, Object> created = createAlert(user, body);
        assertThat(created)
                .containsEntry("symbol", symbol)
                .containsEntry("stockName", "Test " + symbol)
                .containsEntry("kind", "PRICE_ABOVE")
                .containsEntry("price", 100.5)
                .containsEntry("mode", "REARM")
                .containsEntry("cooldown", "PT1H")
                .containsEntry("hysteresisPercent", 0.5)
                .containsEntry("regularHoursOnly", true)
                .containsEntry("zone", "America/New_York")
                .containsEntry("status", "ARMED")
                .containsEntry("episode", 0)
                .containsEntry("watchlist", "INDEPENDENT");
        Object id = created.get("id");

        Map<String, Object> list = get("/api/alerts", user.token())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(list.get("items"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(1);
        // Somebody else neither sees nor changes it.
        User other = newUser();
        assertThat(get("/api/alerts", other.token())
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody())
                .containsEntry("items", List.of());
        assertProblem(
                patch("/api/alerts/" + id, Map.of("price", 1), other.token()), HttpStatus.NOT_FOUND, "alert-not-found");
        assertProblem(delete("/api/alerts/" + id, other.token()), HttpStatus.NOT_FOUND, "alert-not-found");

        Map<String, Object> changed = patch("/api/alerts/" + id, Map.of("price", 110, "cooldown", "PT5M"), user.token())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(changed)
                .containsEntry("price", 110)
                .containsEntry("cooldown", "PT5M")
                .containsEntry("mode", "REARM")
                .containsEntry("status", "ARMED");

        delete("/api/alerts/" + id, user.token()).expectStatus().isNoContent();
        assertProblem(get("/api/alerts/" + id, user.token()), HttpStatus.NOT_FOUND, "alert-not-found");
    }

    @Test
    void anIdenticalAlertIsAConflictInBothLanguagesAndStoresNothing() {
        User user = newUser();
        String symbol = newSymbol("99");
        Object first = createAlert(user, above(symbol, "100")).get("id");

        Map<String, Object> korean = assertProblem(
                send(user, "/api/alerts", above(symbol, "100.000"), "ko"), HttpStatus.CONFLICT, "duplicate-alert");
        assertThat(korean)
                .containsEntry("title", "같은 알림이 이미 있음")
                .containsEntry("detail", "이 종목에 같은 조건의 알림이 이미 있습니다.")
                .containsEntry("alertId", first.toString());
        Map<String, Object> english = assertProblem(
                send(user, "/api/alerts", above(symbol, "100"), "en"), HttpStatus.CONFLICT, "duplicate-alert");
        assertThat(english)
                .containsEntry("title", "Identical alert exists")
                .containsEntry("detail", "You already have an alert on this stock with the same condition.");
        assertThat(alertsOf(user)).isEqualTo(1);

        // Another line, or the same line for another user, is no duplicate.
        createAlert(user, above(symbol, "101"));
        createAlert(newUser(), above(symbol, "100"));
        // Nor is a changed alert made identical to another by a PATCH.
        Map<String, Object> below = above(symbol, "100");
        below.put("kind", "PRICE_BELOW");
        Object third = createAlert(user, below).get("id");
        assertProblem(
                patch("/api/alerts/" + third, Map.of("kind", "PRICE_ABOVE", "price", 101), user.token()),
                HttpStatus.CONFLICT,
                "duplicate-alert");
    }

    @Test
    void theLimitPerUserIsAConflictInBothLanguagesAndStoresNothing() {
        User user = newUser();
        String symbol = newSymbol("99");
        for (int i = 1; i <= 5; i++) {
            createAlert(user, above(symbol, Integer.toString(100 + i)));
        }

        Map<String, Object> korean = assertProblem(
                send(user, "/api/alerts", above(symbol, "200"), "ko"), HttpStatus.CONFLICT, "alert-limit-reached");
        assertThat(korean)
                .containsEntry("title", "알림이 너무 많음")
                .containsEntry("detail", "활성 알림은 최대 5개까지 만들 수 있습니다. 하나를 삭제한 뒤 다시 추가해 주세요.")
                .containsEntry("limit", 5);
        Map<String, Object> english = assertProblem(
                send(user, "/api/alerts", above(symbol, "200"), "en"), HttpStatus.CONFLICT, "alert-limit-reached");
        assertThat(english).containsEntry("detail", "You can have at most 5 active alerts. Delete one to add another.");
        assertThat(alertsOf(user)).isEqualTo(5);
    }

    @Test
    void badInputIsAProblemInBothLanguagesAndStoresNothing() {
        User user = newUser();
        String symbol = newSymbol("99");
        Map<String, Object> body = new HashMap<>();
        body.put("symbol", symbol);
        body.put("kind", "MOVE_PERCENT");
        body.put("percent", -3);
        body.put("direction", "SIDEWAYS");
        body.put("cooldown", "an hour");

        Map<String, Object> korean =
                assertProblem(send(user, "/api/alerts", body, "ko"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(korean).containsEntry("detail", "유효하지 않은 필드가 있습니다: direction, percent, cooldown.");
        assertThat(korean.get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "direction", "message", "UP, DOWN, EITHER 중 하나여야 합니다"),
                        Map.of("field", "percent", "message", "0보다 크고 1000 이하여야 합니다"),
                        Map.of("field", "cooldown", "message", "PT0S에서 P7D 사이의 ISO-8601 기간이어야 합니다(예: PT60M)")));
        Map<String, Object> english =
                assertProblem(send(user, "/api/alerts", body, "en"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(english).containsEntry("detail", "Some fields are invalid: direction, percent, cooldown.");
        assertThat(english.get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "direction", "message", "must be one of UP, DOWN, EITHER"),
                        Map.of("field", "percent", "message", "must be greater than 0 and at most 1000"),
                        Map.of(
                                "field",
                                "cooldown",
                                "message",
                                "must be an ISO-8601 duration from PT0S to P7D, such as PT60M")));

        Map<String, Object> unknownKind = Map.of("symbol", symbol, "kind", "PRICE_SIDEWAYS", "price", 100);
        assertThat(assertProblem(send(user, "/api/alerts", unknownKind, "ko"), HttpStatus.BAD_REQUEST, "validation")
                        .get("errors"))
                .isEqualTo(List.of(Map.of(
                        "field",
                        "kind",
                        "message",
                        "PRICE_ABOVE, PRICE_BELOW, MOVE_PERCENT, HIGH_52W, LOW_52W 중 하나여야 합니다")));
        assertThat(assertProblem(send(user, "/api/alerts", unknownKind, "en"), HttpStatus.BAD_REQUEST, "validation")
                        .get("errors"))
                .isEqualTo(List.of(Map.of(
                        "field",
                        "kind",
                        "message",
                        "must be one of PRICE_ABOVE, PRICE_BELOW, MOVE_PERCENT, HIGH_52W, LOW_52W")));

        Map<String, Object> negativePrice = above(symbol, "-5");
        negativePrice.put("percent", 2);
        assertThat(assertProblem(send(user, "/api/alerts", negativePrice, "en"), HttpStatus.BAD_REQUEST, "validation")
                        .get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "percent", "message", "must be absent for PRICE_ABOVE"),
                        Map.of("field", "price", "message", "must be positive, at most 10^12 with 6 decimals")));

        Map<String, Object> korean404 = assertProblem(
                send(user, "/api/alerts", above("ZZZZ", "100"), "ko"),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-symbol");
        assertThat(korean404).containsEntry("detail", "ZZZZ 종목 코드로 상장된 종목이 없습니다.");
        assertThat(alertsOf(user)).isZero();
    }

    @Test
    void alertsKeepWorkingOffTheWatchlistUnlessTheUserDeletesThem() {
        User user = newUser();
        String symbol = newSymbol("99");
        watch(user, symbol);
        Object id = createAlert(user, above(symbol, "100")).get("id");

        // Removing the stock without saying what happens to its alert is refused, naming the alert.
        Map<String, Object> refused = assertProblem(
                delete("/api/watchlist/" + symbol, user.token()), HttpStatus.CONFLICT, "stock-has-alerts");
        assertThat(refused.toString()).contains(id.toString());
        delete("/api/watchlist/" + symbol + "?alerts=keep", user.token())
                .expectStatus()
                .isNoContent();

        // The kept alert is still there, still says it does not depend on the watchlist, and still fires.
        assertThat(alert(user, id)).containsEntry("status", "ARMED").containsEntry("watchlist", "INDEPENDENT");
        java.time.Instant t = clock.instant();
        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        publish(quote(symbol, "101").at(t.plusSeconds(2)));
        assertThat(firings(id)).isEqualTo(1);

        // A new alert on a stock never watched works the same; alerts=delete removes the stock's alerts with it.
        String other = newSymbol("50");
        Object unwatched = createAlert(user, above(other, "60")).get("id");
        watch(user, other);
        delete("/api/watchlist/" + other + "?alerts=delete", user.token())
                .expectStatus()
                .isNoContent();
        assertProblem(get("/api/alerts/" + unwatched, user.token()), HttpStatus.NOT_FOUND, "alert-not-found");
        assertThat(alert(user, id)).containsEntry("symbol", symbol);
    }

    private long alertsOf(User user) {
        return count("select count(*) from price_alert where user_id = :user", "user", user.id());
    }

    private WebTestClient.ResponseSpec send(User user, String path, Object body, String language) {
        return client(user.token())
                .post()
                .uri(path)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    static UUID uuid(Object id) {
        return UUID.fromString(id.toString());
    }
}
