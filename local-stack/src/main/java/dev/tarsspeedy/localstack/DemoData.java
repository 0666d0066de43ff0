package dev.tarsspeedy.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data, seeded through the public API as an operator would, so it exercises the same checks: one product and
 * one drop that opens a few minutes after the stack is ready, and (TARS) a few popular stocks on the admin account's
 * watchlist, so their prices move from the start. Idempotent: a run that finds the demo drop still
 * upcoming or open leaves it alone, and a run that cannot tell (the look-up keeps failing) creates nothing.
 */
final class DemoData {

    static final String PRODUCT_NAME = "Speedy Runner 1 (launch edition)";
    static final Duration OPENS_IN = Duration.ofMinutes(3);

    /**
     * Popular stocks the admin account watches, so the market-data service polls them from the start and prices move
     * on the home page before anybody has signed up: two KRX and two US listings.
     */
    static final java.util.List<String> WATCHED = java.util.List.of("005930", "000660", "AAPL", "NVDA");

    /**
     * A market-data service that has just started may not have loaded its symbol master yet: ask again, for up to a
     * minute and a half at the default pause (the master came 44 s after the service's start on a busy 2-core machine).
     */
    private static final int WATCH_ATTEMPTS = 45;

    /** The catalog's largest page ({@code CATALOG_MAX_PAGE_SIZE}'s default). */
    static final int PAGE_SIZE = 100;

    private static final int LOOKUP_ATTEMPTS = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String gateway;
    private final Duration lookupRetryPause;

    DemoData(String gateway) {
        this(gateway, Duration.ofSeconds(2));
    }

    /** {@code lookupRetryPause}: between attempts at the look-up (a service that has just started may refuse once). */
    DemoData(String gateway, Duration lookupRetryPause) {
        this.gateway = gateway;
        this.lookupRetryPause = lookupRetryPause;
    }

    /** What it did, in one line for the console. */
    String seed(AdminCredentials admin) throws IOException, InterruptedException {
        String token = login(admin);
        Optional<JsonNode> existing = findDemoDrop();
        if (existing.isPresent()) {
            return "demo drop " + existing.get().path("id").asString() + " (" + PRODUCT_NAME + ") is "
                    + existing.get().path("status").asString() + ", opens at "
                    + local(Instant.parse(existing.get().path("opensAt").asString()));
        }
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", PRODUCT_NAME);
        product.put("description", "A running shoe made in a run of 100 pairs. Two pairs per person.");
        String productId =
                post("/api/admin/products", product, token).path("id").asString();

        Instant opensAt = Instant.now().plus(OPENS_IN).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> drop = new LinkedHashMap<>();
        drop.put("productId", productId);
        drop.put("price", 129_000);
        drop.put("quantity", 100);
        drop.put("perUserLimit", 2);
        drop.put("opensAt", opensAt.toString());
        drop.put("closesAt", opensAt.plus(Duration.ofDays(1)).toString());
        JsonNode created = post("/api/admin/drops", drop, token);
        return "demo drop " + created.path("id").asString() + " (" + PRODUCT_NAME
                + ", 100 units, 2 per person) opens at " + local(opensAt) + ", in " + OPENS_IN.toMinutes() + " minutes";
    }

    /**
     * TARS: the admin account watches {@link #WATCHED} (idempotent: a watched stock keeps its place). A stock the
     * market-data service does not list yet (its symbol master loads at the first start) is asked for again.
     */
    String seedWatchlist(AdminCredentials admin) throws IOException, InterruptedException {
        String token = login(admin);
        for (String symbol : WATCHED) {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> answer = HTTP.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/api/watchlist/" + symbol))
                                .timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + token)
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    break;
                }
                boolean notYet = answer.statusCode() == 404 || answer.statusCode() == 503;
                if (!notYet || attempt >= WATCH_ATTEMPTS) {
                    throw new IOException(
                            "PUT /api/watchlist/" + symbol + " answered " + answer.statusCode() + ": " + answer.body());
                }
                Thread.sleep(lookupRetryPause.toMillis());
            }
        }
        return "the admin account watches " + String.join(", ", WATCHED);
    }

    private String login(AdminCredentials admin) throws IOException, InterruptedException {
        return post("/api/auth/login", Map.of("email", admin.email(), "password", admin.password()), null)
                .path("accessToken")
                .asString();
    }

    /**
     * The demo drop if it is open or upcoming. A look-up that keeps failing is an error, never "none": treating it as
     * none would put a second demo drop on sale at every start that met a slow or failing catalog.
     */
    private Optional<JsonNode> findDemoDrop() throws IOException, InterruptedException {
        IOException failure = null;
        for (int attempt = 1; attempt <= LOOKUP_ATTEMPTS; attempt++) {
            try {
                Optional<JsonNode> open = findDemoDrop("OPEN");
                return open.isPresent() ? open : findDemoDrop("UPCOMING");
            } catch (IOException e) {
                failure = e;
                if (attempt < LOOKUP_ATTEMPTS) {
                    Thread.sleep(lookupRetryPause.toMillis());
                }
            }
        }
        throw new IOException(
                "could not look up the demo drop (" + failure.getMessage() + "); created nothing, so no duplicate",
                failure);
    }

    private Optional<JsonNode> findDemoDrop(String status) throws IOException, InterruptedException {
        for (int page = 0; ; page++) {
            JsonNode answer = send(HttpRequest.newBuilder(URI.create(
                            gateway + "/api/drops?status=" + status + "&page=" + page + "&size=" + PAGE_SIZE))
                    .timeout(REQUEST_TIMEOUT)
                    .GET()
                    .build());
            JsonNode drops = answer.path("content");
            if (!drops.isArray()) {
                throw new IOException("GET /api/drops answered without a content list: " + answer);
            }
            for (JsonNode drop : drops) {
                if (PRODUCT_NAME.equals(drop.path("product").path("name").asString())) {
                    return Optional.of(drop);
                }
            }
            if (drops.isEmpty()
                    || (long) (page + 1) * PAGE_SIZE >= answer.path("total").asLong()) {
                return Optional.empty();
            }
        }
    }

    private JsonNode post(String path, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String local(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(ZoneId.systemDefault())
                .format(instant);
    }
}
