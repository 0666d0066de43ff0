package dev.tarsspeedy.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Buy attempts at a constant arrival rate (open model): every virtual user is a distinct logged-in buyer who takes
 * the next pre-minted token, sends one {@code POST /api/drops/{dropId}/orders} with a fresh Idempotency-Key and
 * leaves. 202 (reserved) and 409 (refused: sold out, limit, not open, closed) are the expected answers; anything
 * else is an error in Gatling's report.
 *
 * <p>An optional warm-up first runs the same load against a throw-away drop (requests named {@code warm-up}), so the
 * JIT compilers of the services and of this JVM have done their work before the measured part (requests named
 * {@code buy}) starts; bench/buy reads only the {@code buy} figures.
 *
 * <p>Besides Gatling's HTML report, the simulation keeps its own HdrHistogram of the measured attempts, from the
 * moment a buyer arrives (is fed its token) to the end of the answer, so the figures bench/buy prints are measured
 * the same way as its targets without HTTP, and include any delay in the load generator itself.
 *
 * <p>Settings (system properties, set by bench/buy): {@code bench.baseUrl}, {@code bench.dropId},
 * {@code bench.warmupDropId}, {@code bench.tokens} (a file, one {@code userId token} per line), {@code bench.rate}
 * (users per second), {@code bench.duration} and {@code bench.warmup} (seconds) and {@code bench.counts} (a file
 * this simulation writes the measured answers per status code to, at the end).
 */
public class BuySimulation extends Simulation {

    private static final String BODY = "{\"quantity\":1}";

    private final String baseUrl = required("bench.baseUrl");
    private final String dropId = required("bench.dropId");
    private final String warmupDropId = System.getProperty("bench.warmupDropId", "");
    private final int rate = Integer.parseInt(required("bench.rate"));
    private final int durationSeconds = Integer.parseInt(required("bench.duration"));
    private final int warmupSeconds = Integer.parseInt(System.getProperty("bench.warmup", "0"));
    private final Path countsFile = Path.of(required("bench.counts"));
    private final List<String> tokens = readTokens(Path.of(required("bench.tokens")));

    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder otherStatus = new LongAdder();
    private final LongAdder noResponse = new LongAdder();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong();
    private final ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    // The sold-out flood on its own: the 409 answers, most of a drop's attempts once it sold out.
    private final ConcurrentHistogram refusedMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final AtomicLong firstRefusedStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastRefusedEnd = new AtomicLong();
    // The warm-up is not in the figures, but it is reported beside them: it is what a cold service gives a drop.
    private final ConcurrentHistogram warmupMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final LongAdder warmupErrors = new LongAdder();

    // Shared connections: the buyers arrive through one load balancer's connection pool, as in production,
    // instead of opening 10,000 new TCP connections per second from one machine (which runs out of ports).
    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .shareConnections()
            // Measured: this does not cap the shared pool; an overloaded target still gets a connection per waiting
            // buyer until the file descriptors run out (docs/benchmarks.md). Kept for when Gatling honours it.
            .maxConnectionsPerHost(Integer.getInteger("bench.connections", 2000))
            .disableWarmUp()
            .disableCaching()
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    {
        if ((long) rate * Math.max(durationSeconds, warmupSeconds) > tokens.size()) {
            throw new IllegalArgumentException("need " + (long) rate * Math.max(durationSeconds, warmupSeconds)
                    + " tokens, the file has " + tokens.size());
        }
        PopulationBuilder measured = buyers("buy", dropId, true)
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(durationSeconds)));
        if (warmupSeconds > 0 && !warmupDropId.isBlank()) {
            setUp(buyers("warm-up", warmupDropId, false)
                            .injectOpen(WarmUpLoad.steps(rate, warmupSeconds))
                            .andThen(measured))
                    .protocols(protocol);
        } else {
            setUp(measured).protocols(protocol);
        }
    }

    /** A scenario of buyers, each with the next token of the file (every drop starts again at its first line). */
    private ScenarioBuilder buyers(String name, String drop, boolean counted) {
        AtomicInteger next = new AtomicInteger();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                int index = next.getAndIncrement();
                if (counted) {
                    firstStart.accumulateAndGet(System.currentTimeMillis(), Math::min);
                }
                return Map.of(
                        "token",
                        tokens.get(index % tokens.size()),
                        "key",
                        UUID.randomUUID().toString(),
                        "arrived",
                        System.nanoTime());
            }
        };
        return scenario(name)
                .feed(feeder)
                .exec(http(name)
                        .post("/api/drops/" + drop + "/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody(BODY))
                        .check(status().saveAs("status"), status().in(202, 409)))
                .exec(session -> {
                    if (!counted) {
                        warmupMicros.recordValue(Math.max(0, (System.nanoTime() - session.getLong("arrived")) / 1000));
                        int status = session.contains("status") ? session.getInt("status") : 0;
                        if (status != 202 && status != 409) {
                            warmupErrors.increment();
                        }
                    }
                    if (counted) {
                        long took = Math.max(0, (System.nanoTime() - session.getLong("arrived")) / 1000);
                        long now = System.currentTimeMillis();
                        micros.recordValue(took);
                        lastEnd.accumulateAndGet(now, Math::max);
                        if (!session.contains("status")) {
                            noResponse.increment();
                        } else {
                            switch (session.getInt("status")) {
                                case 202 -> accepted.increment();
                                case 409 -> {
                                    refused.increment();
                                    refusedMicros.recordValue(took);
                                    firstRefusedStart.accumulateAndGet(now - took / 1000, Math::min);
                                    lastRefusedEnd.accumulateAndGet(now, Math::max);
                                }
                                default -> otherStatus.increment();
                            }
                        }
                    }
                    return session;
                });
    }

    @Override
    public void after() {
        String counts = "accepted=" + accepted.sum() + "\nrefused=" + refused.sum() + "\notherStatus="
                + otherStatus.sum() + "\nnoResponse=" + noResponse.sum() + "\nfirstStartMillis=" + firstStart.get()
                + "\nlastEndMillis=" + lastEnd.get() + "\nmeasured=" + micros.getTotalCount() + "\np50Micros="
                + micros.getValueAtPercentile(50) + "\np99Micros=" + micros.getValueAtPercentile(99) + "\nmaxMicros="
                + micros.getMaxValue() + "\nrefusedP50Micros=" + refusedMicros.getValueAtPercentile(50)
                + "\nrefusedP99Micros=" + refusedMicros.getValueAtPercentile(99) + "\nrefusedFirstStartMillis="
                + (refusedMicros.getTotalCount() == 0 ? 0 : firstRefusedStart.get()) + "\nrefusedLastEndMillis="
                + lastRefusedEnd.get() + "\nwarmupMeasured=" + warmupMicros.getTotalCount() + "\nwarmupP50Micros="
                + warmupMicros.getValueAtPercentile(50) + "\nwarmupP99Micros=" + warmupMicros.getValueAtPercentile(99)
                + "\nwarmupErrors=" + warmupErrors.sum() + "\n";
        try {
            Files.writeString(countsFile, counts, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> readTokens(Path file) {
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
