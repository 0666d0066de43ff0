package dev.tarsspeedy.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Buy attempts at a constant arrival rate (open model): every virtual user is a distinct logged-in buyer who takes
 * the next pre-minted token, sends one {@code POST /api/drops/{dropId}/orders} with a fresh Idempotency-Key and
 * leaves. 202 (reserved) and 409 (refused: sold out, limit, not open, closed) are the expected answers; anything
 * else is an error in Gatling's report.
 *
 * <p>Settings (system properties, set by bench/buy): {@code bench.baseUrl}, {@code bench.dropId},
 * {@code bench.tokens} (a file, one token per line), {@code bench.rate} (users per second), {@code bench.duration}
 * (seconds) and {@code bench.counts} (a file this simulation writes the answers per status code to, at the end).
 */
public class BuySimulation extends Simulation {

    private static final String BODY = "{\"quantity\":1}";

    private final String baseUrl = required("bench.baseUrl");
    private final String dropId = required("bench.dropId");
    private final int rate = Integer.parseInt(required("bench.rate"));
    private final int durationSeconds = Integer.parseInt(required("bench.duration"));
    private final Path countsFile = Path.of(required("bench.counts"));
    private final List<String> tokens = readTokens(Path.of(required("bench.tokens")));

    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder otherStatus = new LongAdder();
    private final LongAdder noResponse = new LongAdder();

    /** Each call hands out the next buyer: their token and a fresh idempotency key. */
    private final Iterator<Map<String, Object>> buyers = new Iterator<>() {
        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            int index = next.getAndIncrement();
            if (index >= tokens.size()) {
                throw new IllegalStateException("ran out of tokens after " + tokens.size() + " buyers");
            }
            return Map.of("token", tokens.get(index), "key", UUID.randomUUID().toString());
        }
    };

    // Shared connections: the buyers arrive through one load balancer's connection pool, as in production,
    // instead of opening 10,000 new TCP connections per second from one machine (which runs out of ports).
    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .shareConnections()
            .disableWarmUp()
            .disableCaching()
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    private final ScenarioBuilder buy = scenario("buy")
            .feed(buyers)
            .exec(http("buy")
                    .post("/api/drops/" + dropId + "/orders")
                    .header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{key}")
                    .body(StringBody(BODY))
                    .check(status().saveAs("status"), status().in(202, 409)))
            .exec(session -> {
                if (!session.contains("status")) {
                    noResponse.increment();
                } else {
                    switch (session.getInt("status")) {
                        case 202 -> accepted.increment();
                        case 409 -> refused.increment();
                        default -> otherStatus.increment();
                    }
                }
                return session;
            });

    {
        if ((long) rate * durationSeconds > tokens.size()) {
            throw new IllegalArgumentException(
                    "need " + (long) rate * durationSeconds + " tokens, the file has " + tokens.size());
        }
        setUp(buy.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(durationSeconds))))
                .protocols(protocol);
    }

    @Override
    public void after() {
        String counts = "accepted=" + accepted.sum() + "\nrefused=" + refused.sum() + "\notherStatus="
                + otherStatus.sum() + "\nnoResponse=" + noResponse.sum() + "\n";
        try {
            Files.writeString(countsFile, counts, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readTokens(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            // A line is "userId token"; Gatling needs only the token.
            return lines.filter(line -> !line.isBlank())
                    .map(line -> line.substring(line.indexOf(' ') + 1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set");
        }
        return value;
    }
}
