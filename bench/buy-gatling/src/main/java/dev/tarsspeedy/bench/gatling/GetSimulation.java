package dev.tarsspeedy.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Anonymous {@code GET}s at a constant arrival rate (open model), each user one request to the next path of
 * {@code bench.paths} (separated by {@code |}, taken round robin) and gone: the public read paths, such as the cached
 * quotes of bench/market. 200 is the expected answer; anything else is an error in Gatling's report.
 *
 * <p>Measured like {@link BuySimulation} (an optional warm-up named {@code warm-up}, then requests named {@code get};
 * an HdrHistogram from a user's arrival to the end of the answer) and written to {@code bench.counts} with the same
 * keys ({@code accepted} counts the 200s), so bench/buy's {@code GatlingRun} reads both.
 *
 * <p>Settings (system properties): {@code bench.baseUrl}, {@code bench.paths}, {@code bench.rate} (users per second),
 * {@code bench.duration} and {@code bench.warmup} (seconds), {@code bench.counts}, {@code bench.accept} (the
 * {@code Accept} header, {@code application/json} unless a page is read: {@code text/html}), and optionally
 * {@code bench.tokens} (the token file of {@link BuySimulation}): then every user sends the next buyer's token, as
 * bench/buy's no-op reference rows do, so the gateway checks it as on the buy path.
 */
public class GetSimulation extends Simulation {

    private final String baseUrl = required("bench.baseUrl");
    private final List<String> paths = Arrays.stream(required("bench.paths").split("\\|"))
            .filter(p -> !p.isBlank())
            .toList();
    private final int rate = Integer.parseInt(required("bench.rate"));
    private final int durationSeconds = Integer.parseInt(required("bench.duration"));
    private final int warmupSeconds = Integer.parseInt(System.getProperty("bench.warmup", "0"));
    private final Path countsFile = Path.of(required("bench.counts"));
    private final List<String> tokens = System.getProperty("bench.tokens", "").isBlank()
            ? List.of()
            : BuySimulation.readTokens(Path.of(System.getProperty("bench.tokens")));

    private final LongAdder ok = new LongAdder();
    private final LongAdder otherStatus = new LongAdder();
    private final LongAdder noResponse = new LongAdder();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong();
    private final ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    // Shared connections, as behind one load balancer (see BuySimulation).
    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .shareConnections()
            .disableWarmUp()
            .disableCaching()
            .acceptHeader(System.getProperty("bench.accept", "application/json"));

    {
        PopulationBuilder measured =
                readers("get", true).injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(durationSeconds)));
        if (warmupSeconds > 0) {
            setUp(readers("warm-up", false)
                            .injectOpen(WarmUpLoad.steps(rate, warmupSeconds))
                            .andThen(measured))
                    .protocols(protocol);
        } else {
            setUp(measured).protocols(protocol);
        }
    }

    private ScenarioBuilder readers(String name, boolean counted) {
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
                        "path",
                        paths.get(index % paths.size()),
                        "token",
                        tokens.isEmpty() ? "" : tokens.get(index % tokens.size()),
                        "arrived",
                        System.nanoTime());
            }
        };
        return scenario(name)
                .feed(feeder)
                .exec(request(name).check(status().saveAs("status"), status().is(200)))
                .exec(session -> {
                    if (counted) {
                        micros.recordValue(Math.max(0, (System.nanoTime() - session.getLong("arrived")) / 1000));
                        lastEnd.accumulateAndGet(System.currentTimeMillis(), Math::max);
                        if (!session.contains("status")) {
                            noResponse.increment();
                        } else if (session.getInt("status") == 200) {
                            ok.increment();
                        } else {
                            otherStatus.increment();
                        }
                    }
                    return session;
                });
    }

    private HttpRequestActionBuilder request(String name) {
        HttpRequestActionBuilder get = http(name).get("#{path}");
        return tokens.isEmpty() ? get : get.header("Authorization", "Bearer #{token}");
    }

    @Override
    public void after() {
        String counts = "accepted=" + ok.sum() + "\nrefused=0\notherStatus=" + otherStatus.sum() + "\nnoResponse="
                + noResponse.sum() + "\nfirstStartMillis=" + firstStart.get() + "\nlastEndMillis=" + lastEnd.get()
                + "\nmeasured=" + micros.getTotalCount() + "\np50Micros=" + micros.getValueAtPercentile(50)
                + "\np99Micros=" + micros.getValueAtPercentile(99) + "\nmaxMicros=" + micros.getMaxValue() + "\n";
        try {
            Files.writeString(countsFile, counts, StandardCharsets.UTF_8);
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
