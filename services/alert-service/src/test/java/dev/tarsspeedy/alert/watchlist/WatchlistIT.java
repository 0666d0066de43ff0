package dev.tarsspeedy.alert.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.support.AlertTestBase;
import dev.tarsspeedy.alert.support.MarketDataStandIn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The watchlist through its API: order, quotes, the limit, unknown symbols, market data down. */
class WatchlistIT extends AlertTestBase {

    @AfterEach
    void marketUp() {
        MARKET.mode(MarketDataStandIn.Mode.UP);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(User user) {
        Map<String, Object> body = get("/api/watchlist", user.token())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) body.get("items");
    }

    @Test
    void stocksAreAddedLastListedWithQuotesFromOneCallAndReordered() {
        User user = newUser("ko", "Asia/Seoul");
        watch(user, "005930", "aapl", "000660");
        watch(user, "005930"); // idempotent: keeps its place

        int quoteCalls = MARKET.calls("quotes");
        List<Map<String, Object>> items = items(user);
        assertThat(MARKET.calls("quotes")).isEqualTo(quoteCalls + 1);
        assertThat(items).extracting(item -> item.get("symbol")).containsExactly("005930", "AAPL", "000660");
        assertThat(items.get(0)).containsEntry("name", "삼성전자").containsEntry("market", "KRX");
        @SuppressWarnings("unchecked")
        Map<String, Object> quote = (Map<String, Object>) items.get(0).get("quote");
        assertThat(quote).containsEntry("symbol", "005930").containsEntry("freshness", "DELAYED");
        assertThat(((Number) quote.get("price")).doubleValue()).isEqualTo(71500.0);

        put("/api/watchlist", Map.of("order", List.of("000660", "005930", "AAPL")), user.token())
                .expectStatus()
                .isNoContent();
        assertThat(items(user)).extracting(item -> item.get("symbol")).containsExactly("000660", "005930", "AAPL");

        // Not the whole list: refused, order unchanged.
        assertProblem(
                put("/api/watchlist", Map.of("order", List.of("AAPL", "005930")), user.token()),
                HttpStatus.BAD_REQUEST,
                "validation");
        assertThat(items(user)).extracting(item -> item.get("symbol")).containsExactly("000660", "005930", "AAPL");

        delete("/api/watchlist/005930", user.token()).expectStatus().isNoContent();
        delete("/api/watchlist/005930", user.token()).expectStatus().isNoContent();
        assertThat(items(user)).extracting(item -> item.get("symbol")).containsExactly("000660", "AAPL");
        assertProblem(get("/api/watchlist/005930", user.token()), HttpStatus.NOT_FOUND, "not-watched");
        get("/api/watchlist/AAPL", user.token())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("애플");
    }

    @SuppressWarnings("unchecked")
    private List<Object> alertIds(User user) {
        Map<String, Object> body = get("/api/alerts", user.token())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) body.get("items"))
                .stream().map(item -> item.get("id")).toList();
    }

    private Object priceAlert(User user, String symbol) {
        return post(
                        "/api/alerts",
                        Map.of("symbol", symbol, "kind", "PRICE_ABOVE", "price", 999_999, "mode", "ONCE"),
                        user.token())
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    @Test
    void removingAStockWithAlertsSaysWhatHappensToThem() {
        User user = newUser();
        watch(user, "005930", "AAPL");
        Object alert = priceAlert(user, "005930");

        // No choice made: 409 listing the alerts, nothing removed.
        Map<String, Object> problem =
                assertProblem(delete("/api/watchlist/005930", user.token()), HttpStatus.CONFLICT, "stock-has-alerts");
        assertThat(problem).containsEntry("symbol", "005930").containsEntry("alerts", List.of(alert));
        assertThat(items(user)).extracting(item -> item.get("symbol")).containsExactly("005930", "AAPL");
        assertThat(alertIds(user)).containsExactly(alert);
        assertProblem(delete("/api/watchlist/005930?alerts=maybe", user.token()), HttpStatus.BAD_REQUEST, "validation");

        // keep: the stock goes, its alert stays (and keeps firing).
        delete("/api/watchlist/005930?alerts=keep", user.token()).expectStatus().isNoContent();
        assertThat(items(user)).extracting(item -> item.get("symbol")).containsExactly("AAPL");
        assertThat(alertIds(user)).containsExactly(alert);

        // delete: the stock and its alerts go together.
        Object appleAlert = priceAlert(user, "AAPL");
        delete("/api/watchlist/AAPL?alerts=delete", user.token()).expectStatus().isNoContent();
        assertThat(items(user)).isEmpty();
        assertThat(alertIds(user)).containsExactly(alert).doesNotContain(appleAlert);

        // A stock without alerts needs no choice.
        watch(user, "000660");
        delete("/api/watchlist/000660", user.token()).expectStatus().isNoContent();
    }

    @Test
    void anUnknownSymbolIsRefusedAndNothingIsStored() {
        User user = newUser();
        assertProblem(put("/api/watchlist/ZZZZ", null, user.token()), HttpStatus.NOT_FOUND, "unknown-symbol");
        assertProblem(put("/api/watchlist/not-a-symbol!", null, user.token()), HttpStatus.BAD_REQUEST, "validation");
        assertThat(count("select count(*) from watchlist_entry where user_id = :user", "user", user.id()))
                .isZero();
    }

    @Test
    void theLimitHoldsAndTheRefusalChangesNothing() {
        User user = newUser();
        for (int i = 1; i <= 6; i++) {
            MARKET.listing("90000" + i, "KRX", "종목" + i, "Stock " + i, "1000");
        }
        for (int i = 1; i <= 5; i++) {
            watch(user, "90000" + i);
        }
        Map<String, Object> problem =
                assertProblem(put("/api/watchlist/900006", null, user.token()), HttpStatus.CONFLICT, "watchlist-full");
        assertThat(problem).containsEntry("limit", 5);
        assertThat(count("select count(*) from watchlist_entry where user_id = :user", "user", user.id()))
                .isEqualTo(5);
    }

    @Test
    void whenMarketDataIsDownTheListStillAnswersWithoutQuotes() {
        User user = newUser();
        watch(user, "MSFT", "005930");
        MARKET.mode(MarketDataStandIn.Mode.DOWN);
        Map<String, Object> body = get("/api/watchlist", user.token())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(body).containsEntry("quotesAvailable", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        assertThat(items).extracting(item -> item.get("symbol")).containsExactly("MSFT", "005930");
        assertThat(items).allSatisfy(item -> assertThat(item.get("quote")).isNull());

        // Adding needs the listing: 503, nothing stored.
        assertProblem(
                put("/api/watchlist/AAPL", null, user.token()),
                HttpStatus.SERVICE_UNAVAILABLE,
                "market-data-unavailable");
        assertThat(count("select count(*) from watchlist_entry where user_id = :user", "user", user.id()))
                .isEqualTo(2);
    }
}
