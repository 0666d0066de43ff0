package dev.tarsspeedy.bench.buy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Warms the bench's own driver before its first row: the same load against a stand-in on this JVM that refuses every
 * buy at once (409), so the driver's code is compiled before it measures anything. Without it the first row of a run
 * paid for the driver's JIT as well as the services' (the driver took about twice its usual CPU per attempt in the
 * first row of a run), on the same two cores, and a second row (a baseline) started with an advantage.
 */
final class DriverWarmUp {

    static final Duration DURATION = Duration.ofSeconds(20);
    private static final String REFUSAL =
            "{\"type\":\"https://tars-speedy.dev/problems/sold-out\",\"status\":409,\"title\":\"Sold out\"}";

    private static boolean done;

    private DriverWarmUp() {}

    /** Once per run, before the first row of the bench's driver; a no-op after that. */
    static synchronized void once(int rate) {
        if (done) {
            return;
        }
        done = true;
        int warmRate = Math.min(rate, 2000);
        System.out.printf(
                "Warming the bench's driver on a stand-in for %d s at %,d/s (its own JIT, before any row)...%n",
                DURATION.toSeconds(), warmRate);
        DisposableServer standIn = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .then(response.status(HttpResponseStatus.CONFLICT)
                                .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                                .sendString(Mono.just(REFUSAL))
                                .then()))
                .bindNow();
        List<String> buyers = IntStream.range(0, 1000)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        try (HttpBuyDriver driver =
                new HttpBuyDriver("http://127.0.0.1:" + standIn.port(), 2000, GatlingRun.REQUEST_TIMEOUT)) {
            OpenModelDriver.Result result =
                    driver.run(UUID.randomUUID().toString(), buyers, warmRate, DURATION, Duration.ofSeconds(5));
            System.out.printf(
                    "  driver warmed: %,d attempts, p99 %.1f ms, %,d errors%n",
                    result.attempts(), result.percentileMillis(99), result.errors());
        } finally {
            standIn.disposeNow();
        }
    }
}
