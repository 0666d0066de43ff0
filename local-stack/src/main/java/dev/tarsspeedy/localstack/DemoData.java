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
 * one drop that opens a few minutes after the stack is ready. Idempotent: a run that finds the demo drop still
 * upcoming or open leaves it alone, and a run that cannot tell (the look-up keeps failing) creates nothing.
 */
final class DemoData {

    static final String PRODUCT_NAME = "Speedy Runner 1 (launch edition)";
    static final Duration OPENS_IN = Duration.ofMinutes(3);

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
