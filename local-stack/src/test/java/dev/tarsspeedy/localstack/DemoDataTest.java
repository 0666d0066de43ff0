package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeding against a stand-in of the gateway's API (login, the drop listing, the admin endpoints): what it creates
 * depends only on what the listing says, and a listing that fails creates nothing.
 */
class DemoDataTest {

    private static final AdminCredentials ADMIN =
            new AdminCredentials(AdminCredentials.EMAIL, "Operator-Pass-1", false);
    private static final String OPENS_AT = Instant.parse("2030-01-01T00:00:00Z").toString();

    private HttpServer gateway;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** The answer to {@code GET /api/drops}, from the query string: status and JSON body. */
    private volatile Function<String, Answer> listing = query -> new Answer(200, page(List.of(), 0));

    /** The answer to {@code PUT /api/watchlist/{symbol}}, from the call. */
    private volatile Function<String, Answer> watching = call -> new Answer(204, "");

    private record Answer(int status, String body) {}

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            String call =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
            Answer answer = switch (call) {
                case "POST /api/auth/login" -> new Answer(200, "{\"accessToken\":\"t\"}");
                case "GET /api/drops" -> listing.apply(exchange.getRequestURI().getQuery());
                case "POST /api/admin/products" -> new Answer(201, "{\"id\":\"p-1\"}");
                case "POST /api/admin/drops" -> new Answer(201, "{\"id\":\"d-new\"}");
                default -> call.startsWith("PUT /api/watchlist/") ? watching.apply(call) : new Answer(404, "{}");
            };
            reply(exchange, answer);
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void aFailingLookupCreatesNothingAndSaysWhy() {
        listing = query -> new Answer(503, "{\"type\":\"service-unavailable\"}");

        assertThatThrownBy(() -> demoData().seed(ADMIN))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not look up the demo drop")
                .hasMessageContaining("503")
                .hasMessageContaining("created nothing");

        assertThat(count("GET /api/drops")).as("look-ups, with retries").isEqualTo(3);
        assertThat(count("POST /api/admin/products")).isZero();
        assertThat(count("POST /api/admin/drops")).isZero();
    }

    @Test
    void aLookupThatFailsOnceIsRetriedAndFindsTheDrop() {
        AtomicInteger attempts = new AtomicInteger();
        listing = query -> attempts.getAndIncrement() == 0
                ? new Answer(503, "{}")
                : new Answer(
                        200, page(query.contains("status=OPEN") ? List.of(demoDrop("d-1", "OPEN")) : List.of(), 0));

        assertThat(seed()).contains("d-1").contains("is OPEN");
        assertThat(count("POST /api/admin/products")).isZero();
        assertThat(count("POST /api/admin/drops")).isZero();
    }

    @Test
    void findsTheDemoDropBeyondTheFirstPage() {
        listing = query -> {
            if (!query.contains("status=UPCOMING")) {
                return new Answer(200, page(List.of(), 0));
            }
            List<String> others = new ArrayList<>();
            for (int i = 0; i < DemoData.PAGE_SIZE; i++) {
                others.add(drop("other-" + i, "Another product", "UPCOMING"));
            }
            return query.contains("page=0")
                    ? new Answer(200, page(others, DemoData.PAGE_SIZE + 1))
                    : new Answer(200, page(List.of(demoDrop("d-2", "UPCOMING")), DemoData.PAGE_SIZE + 1));
        };

        assertThat(seed()).contains("d-2").contains("is UPCOMING");
        assertThat(count("POST /api/admin/drops")).isZero();
    }

    @Test
    void withoutAnOpenOrUpcomingDemoDropItPutsOneOnSale() {
        assertThat(seed()).contains("d-new").contains("100 units");
        assertThat(count("POST /api/admin/products")).isEqualTo(1);
        assertThat(count("POST /api/admin/drops")).isEqualTo(1);
    }

    @Test
    void theAdminWatchesPopularStocksAskingAgainWhileTheSymbolMasterLoads() throws Exception {
        AtomicInteger first = new AtomicInteger();
        // The market-data service lists no symbol until its first refresh: 404 unknown-symbol, then 204.
        watching = call -> call.endsWith("/005930") && first.getAndIncrement() < 2
                ? new Answer(404, "{\"type\":\"unknown-symbol\"}")
                : new Answer(204, "");

        assertThat(demoData().seedWatchlist(ADMIN)).contains("005930", "000660", "AAPL", "NVDA");

        assertThat(count("PUT /api/watchlist/005930"))
                .as("asked again while unknown")
                .isEqualTo(3);
        for (String symbol : List.of("000660", "AAPL", "NVDA")) {
            assertThat(count("PUT /api/watchlist/" + symbol)).as(symbol).isEqualTo(1);
        }
        assertThat(count("POST /api/admin/drops")).as("the watchlist alone").isZero();
    }

    @Test
    void aWatchlistThatIsRefusedForGoodSaysWhy() {
        watching = call -> new Answer(403, "{\"type\":\"forbidden\"}");

        assertThatThrownBy(() -> demoData().seedWatchlist(ADMIN))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("PUT /api/watchlist/005930 answered 403");
        assertThat(count("PUT /api/watchlist/005930"))
                .as("no retry of a refusal")
                .isEqualTo(1);
    }

    private String seed() {
        try {
            return demoData().seed(ADMIN);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private DemoData demoData() {
        return new DemoData("http://127.0.0.1:" + gateway.getAddress().getPort(), Duration.ofMillis(10));
    }

    private int count(String call) {
        return calls.getOrDefault(call, new AtomicInteger()).get();
    }

    private static String demoDrop(String id, String status) {
        return drop(id, DemoData.PRODUCT_NAME, status);
    }

    private static String drop(String id, String product, String status) {
        return "{\"id\":\"" + id + "\",\"product\":{\"name\":\"" + product + "\"},\"status\":\"" + status
                + "\",\"opensAt\":\"" + OPENS_AT + "\"}";
    }

    /** A page as the catalog answers it: {@code total} counts the matching drops of every page. */
    private static String page(List<String> drops, long total) {
        return "{\"content\":[" + String.join(",", drops) + "],\"page\":0,\"size\":" + DemoData.PAGE_SIZE
                + ",\"total\":" + Math.max(total, drops.size()) + "}";
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
