package dev.tarsspeedy.market.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/** {@code GET /api/market/calendar} and {@code GET /api/market/status} over HTTP, with their problems in both languages. */
class CalendarApiIT extends MarketTestBase {

    @Test
    void aMonthOfKrxSessionsAndHolidaysInTheReadersLanguage() {
        Map<String, String> december = Map.of("market", "KRX", "from", "2026-12-01", "to", "2026-12-31");
        Map<String, Object> korean = getOk("/api/market/calendar", december, "ko");
        assertThat(korean)
                .containsEntry("market", "KRX")
                .containsEntry("zone", "Asia/Seoul")
                .containsEntry("simulated", false);
        List<Map<String, Object>> sessions = list(korean, "sessions");
        assertThat(sessions).hasSize(21);
        assertThat(sessions.getFirst())
                .containsEntry("date", "2026-12-01")
                .containsEntry("opens", "2026-12-01T00:00:00Z")
                .containsEntry("closes", "2026-12-01T06:30:00Z")
                .containsEntry("opensLocal", "2026-12-01T09:00:00+09:00")
                .containsEntry("closesLocal", "2026-12-01T15:30:00+09:00");
        assertThat(list(korean, "holidays"))
                .containsExactly(
                        Map.of("date", "2026-12-25", "name", "성탄절"), Map.of("date", "2026-12-31", "name", "연말 휴장일"));

        Map<String, Object> english = getOk("/api/market/calendar", december, "en");
        assertThat(list(english, "holidays"))
                .containsExactly(
                        Map.of("date", "2026-12-25", "name", "Christmas Day"),
                        Map.of("date", "2026-12-31", "name", "Year-end closing"));
    }

    @Test
    void lateOpensAndDaylightSavingShowInBothTimes() {
        Map<String, Object> newYear =
                getOk("/api/market/calendar", Map.of("market", "krx", "from", "2026-01-01", "to", "2026-01-02"), "ko");
        assertThat(list(newYear, "sessions"))
                .singleElement()
                .satisfies(session -> assertThat(session)
                        .containsEntry("opens", "2026-01-02T01:00:00Z")
                        .containsEntry("opensLocal", "2026-01-02T10:00:00+09:00")
                        .containsEntry("note", "새해 첫 거래일"));
        assertThat(list(newYear, "holidays")).containsExactly(Map.of("date", "2026-01-01", "name", "신정"));

        Map<String, Object> spring =
                getOk("/api/market/calendar", Map.of("market", "US", "from", "2026-03-06", "to", "2026-03-09"), "en");
        assertThat(list(spring, "sessions"))
                .extracting(session -> session.get("opens") + " " + session.get("opensLocal"))
                .containsExactly(
                        "2026-03-06T14:30:00Z 2026-03-06T09:30:00-05:00",
                        "2026-03-09T13:30:00Z 2026-03-09T09:30:00-04:00");

        Map<String, Object> thanksgiving =
                getOk("/api/market/calendar", Map.of("market", "US", "from", "2026-11-27", "to", "2026-11-27"), "en");
        assertThat(list(thanksgiving, "sessions"))
                .singleElement()
                .satisfies(session -> assertThat(session)
                        .containsEntry("closesLocal", "2026-11-27T13:00:00-05:00")
                        .containsEntry("note", "Day after Thanksgiving, early close"));
    }

    @Test
    void theStatusSaysForEachMarketWhetherItIsOpenAndWhy() {
        Map<String, Object> status = getOk("/api/market/status", Map.of(), "ko");
        assertThat(status).containsEntry("simulated", false);
        Instant at = Instant.parse((String) status.get("at"));
        List<Map<String, Object>> markets = list(status, "markets");
        assertThat(markets).extracting(market -> market.get("market")).containsExactly("KRX", "US");
        for (Map<String, Object> market : markets) {
            Market which = Market.valueOf((String) market.get("market"));
            Optional<Session> running = calendar.openSession(which, at);
            assertThat(market)
                    .containsEntry("open", running.isPresent())
                    .containsEntry("simulated", false)
                    .containsEntry("zone", which.zone().getId());
            @SuppressWarnings("unchecked")
            Map<String, Object> session = (Map<String, Object>) market.get("session");
            Session expected = running.orElseGet(() -> calendar.nextSession(which, at));
            assertThat(session).containsEntry("date", expected.date().toString());
            if (running.isPresent()) {
                assertThat(market.get("closedBecause")).isNull();
            } else {
                assertThat(market.get("closedBecause")).isNotNull();
                assertThat(ProblemBundles.isKorean((String) market.get("reason")))
                        .isTrue();
            }
        }
    }

    @Test
    void badInputIsAProblemInBothLanguages() {
        Map<String, Object> korean = assertProblem(
                get("/api/market/calendar", Map.of("market", "LSE"), "ko"), HttpStatus.BAD_REQUEST, "unknown-market");
        assertThat(korean)
                .containsEntry("title", "알 수 없는 시장")
                .containsEntry("detail", "'LSE'은(는) 시장이 아닙니다. KRX, US 중 하나를 쓰세요.");
        Map<String, Object> english = assertProblem(
                get("/api/market/calendar", Map.of("market", "LSE"), "en"), HttpStatus.BAD_REQUEST, "unknown-market");
        assertThat(english)
                .containsEntry("title", "Unknown market")
                .containsEntry("detail", "'LSE' is not a market: use one of KRX, US.");
        assertProblem(get("/api/market/calendar", Map.of(), "en"), HttpStatus.BAD_REQUEST, "unknown-market");

        Map<String, Object> badDate = assertProblem(
                get("/api/market/calendar", Map.of("market", "KRX", "from", "2026-13-01"), "ko"),
                HttpStatus.BAD_REQUEST,
                "invalid-date");
        assertThat(badDate)
                .containsEntry("title", "잘못된 날짜")
                .containsEntry("detail", "from 매개변수는 yyyy-MM-dd 형식의 날짜여야 합니다. 받은 값: '2026-13-01'.");
        assertThat(assertProblem(
                        get("/api/market/calendar", Map.of("market", "KRX", "to", "tomorrow"), "en"),
                        HttpStatus.BAD_REQUEST,
                        "invalid-date"))
                .containsEntry("detail", "The parameter to must be a date written yyyy-MM-dd, not 'tomorrow'.");

        assertThat(assertProblem(
                        get(
                                "/api/market/calendar",
                                Map.of("market", "KRX", "from", "2026-12-31", "to", "2026-12-01"),
                                "en"),
                        HttpStatus.BAD_REQUEST,
                        "bad-date-range"))
                .containsEntry("detail", "The range ends (2026-12-01) before it starts (2026-12-31).");
        assertThat(assertProblem(
                        get(
                                "/api/market/calendar",
                                Map.of("market", "US", "from", "2026-01-01", "to", "2027-02-05"),
                                "ko"),
                        HttpStatus.BAD_REQUEST,
                        "bad-date-range"))
                .containsEntry("title", "잘못된 기간")
                .containsEntry("detail", "2026-01-01부터 2027-02-05까지는 400일보다 깁니다. 더 짧은 기간을 요청하세요.")
                .containsEntry("maxDays", 400);

        Map<String, Object> notCovered = assertProblem(
                get("/api/market/calendar", Map.of("market", "KRX", "from", "2031-01-05", "to", "2031-01-09"), "en"),
                HttpStatus.BAD_REQUEST,
                "calendar-not-covered");
        assertThat(notCovered)
                .containsEntry("title", "No calendar data")
                .containsEntry("detail", "The KRX calendar has no data for 2031 yet.");
        assertThat(assertProblem(
                        get(
                                "/api/market/calendar",
                                Map.of("market", "KRX", "from", "2031-01-05", "to", "2031-01-09"),
                                "ko"),
                        HttpStatus.BAD_REQUEST,
                        "calendar-not-covered"))
                .containsEntry("detail", "KRX 시장 달력에 아직 2031년 정보가 없습니다.");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String member) {
        return (List<Map<String, Object>>) body.get(member);
    }
    /** A GET of {@code path} with the query parameters (encoded), in {@code language} ({@code null}: no header). */
    private WebTestClient.ResponseSpec get(String path, Map<String, String> query, String language) {
        WebTestClient.RequestHeadersSpec<?> request = client().get().uri(builder -> {
            UriBuilder uri = builder.path(path);
            query.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
            return uri.build(query);
        });
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return request.exchange();
    }

    private Map<String, Object> getOk(String path, Map<String, String> query, String language) {
        return get(path, query, language)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }
}
