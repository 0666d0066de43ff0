package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.Poll;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * TARS's market data on the local stack, through the gateway as the web page calls it: symbol search in Korean
 * (initial consonants too), live quotes from the market stand-in in its demo session, market status, and the quote
 * stream, moved on demand with the stand-in's {@code /control/price}.
 */
class MarketDataFlowIT {

    private static RunningStack stack;
    private static Api gateway;
    private static Api standIn;

    @BeforeAll
    static void startStack() throws Exception {
        stack = RunningStack.shared();
        gateway = new Api(stack.gateway());
        standIn = new Api(stack.url("market-stand-in"));
    }

    @AfterAll
    static void closeClients() {
        gateway.close();
        standIn.close();
    }

    @Test
    void searchFindsSamsungByNameAndByInitialConsonants() {
        for (String query : List.of("삼성", "ㅅㅅㅈㅈ")) {
            Api.Response found = gateway.get("/api/market/symbols?q=" + encode(query), null);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json()
                            .get("items")
                            .valueStream()
                            .map(item -> item.get("symbol").asString() + " "
                                    + item.get("nameKo").asString()))
                    .as("search " + query)
                    .contains("005930 삼성전자");
        }
    }

    @Test
    void liveQuotesForAKrxAndAUsStockSaySimulated() throws InterruptedException {
        for (String symbol : List.of("005930", "AAPL")) {
            // The first quote of a symbol nobody follows yet is fetched on demand; 404 no-quote-yet means "ask again".
            Api.Response quote = Poll.until(
                    () -> gateway.get("/api/market/quotes/" + symbol, null),
                    r -> r.status() == 200,
                    Duration.ofSeconds(30));
            JsonNode body = quote.json();
            assertThat(body.get("symbol").asString()).isEqualTo(symbol);
            assertThat(body.get("price").decimalValue()).as(symbol + " price").isPositive();
            assertThat(body.get("source").asString()).as(symbol + " source").isNotBlank();
            assertThat(Instant.parse(body.get("asOf").asString()))
                    .as(symbol + " asOf")
                    .isBefore(Instant.now().plusSeconds(60));
            assertThat(body.get("simulated").asBoolean())
                    .as(symbol + " in the demo session")
                    .isTrue();
        }
    }

    @Test
    void marketStatusSaysTheDemoSessionIsOpen() {
        Api.Response status = gateway.get("/api/market/status", null);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        assertThat(status.json().get("simulated").asBoolean()).isTrue();
        assertThat(status.json()
                        .get("markets")
                        .valueStream()
                        .map(market -> market.get("market").asString()))
                .contains("KRX", "US");
        assertThat(status.json().get("markets").valueStream())
                .allMatch(market -> market.get("open").asBoolean());
    }

    @Test
    void theStreamSendsAQuoteWhenThePriceMoves() throws Exception {
        String symbol = "000660";
        // Only followed symbols are polled: somebody watches it, as on the home page.
        Shoppers.Shopper watcher = new Shoppers(gateway, new Mailbox(stack.mailbox())).signUp("stream", "ko");
        Api.Response watched = gateway.put("/api/watchlist/" + symbol, watcher.token());
        assertThat(watched.status()).as(watched.toString()).isEqualTo(204);
        // A quote in the cache first, so the stream has something to move from.
        JsonNode before = Poll.until(
                        () -> gateway.get("/api/market/quotes/" + symbol, null),
                        r -> r.status() == 200,
                        Duration.ofSeconds(30))
                .json();
        // On every KRX tick grid (ticks are at most 1,000 won): the stand-in serves the price as set.
        BigDecimal moved = before.get("price").decimalValue().add(BigDecimal.valueOf(12_000));

        String price = moved.stripTrailingZeros().toPlainString();
        java.util.function.Predicate<String> movedQuote = line -> line.startsWith("data:")
                && line.contains("\"symbol\":\"" + symbol + "\"")
                && line.matches(".*\"price\":" + price + "(\\.0+)?[,}].*");

        // Read the stream while the price moves: an event with the new price must arrive.
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() ->
                gateway.streamUntil("/api/market/quotes/stream?symbols=" + symbol, movedQuote, Duration.ofSeconds(60)));
        Thread.sleep(2_000);
        Api.Response control = standIn.post("/control/price", Map.of("symbol", symbol, "price", moved));
        assertThat(control.status()).as(control.toString()).isBetween(200, 299);

        List<String> read = lines.get(90, TimeUnit.SECONDS);
        assertThat(read).as("lines of the stream").anyMatch(line -> line.matches("event: ?quote"));
        assertThat(read).as("a quote event with the moved price " + price).anyMatch(movedQuote);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
