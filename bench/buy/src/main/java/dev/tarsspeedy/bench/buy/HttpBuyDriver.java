package dev.tarsspeedy.bench.buy;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The bench's own HTTP load generator for (c) and (d) ({@code --driver netty}): {@link OpenModelDriver}'s schedule
 * (attempt {@code i} due at {@code start + i / rate}, latency from when it was due) with each attempt one
 * {@code POST /api/drops/{id}/orders} on Reactor Netty, over a fixed pool of kept connections (as behind one load
 * balancer, like Gatling's shared connections). What Gatling does per request (sessions, checks, its own report
 * log) it leaves out, so it takes less of the machine the services share; {@code --driver both} runs the two side
 * by side to check that they measure the same.
 */
final class HttpBuyDriver implements AutoCloseable {

    static final String BODY = "{\"quantity\":1}";

    private final ConnectionProvider connections;
    private final LoopResources loops;
    private final HttpClient client;
    /** What the errors were: {@code HTTP 503}, {@code ReadTimeoutException} (no answer in time), ... */
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    HttpBuyDriver(String baseUrl, int maxConnections, Duration timeout) {
        this.connections = ConnectionProvider.builder("bench-buyers")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(timeout)
                .build();
        this.loops = LoopResources.create("bench-http", 2, true);
        this.client = HttpClient.create(connections)
                .runOn(loops)
                .baseUrl(baseUrl)
                .responseTimeout(timeout)
                .headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set(HttpHeaderNames.ACCEPT, "application/json"));
    }

    /** One buyer's attempt: 202 accepted, 409 refused, anything else (or no answer in time) an error. */
    CompletionStage<OpenModelDriver.Outcome> buy(String dropId, String token) {
        return client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                        .set("Idempotency-Key", UUID.randomUUID().toString()))
                .post()
                .uri("/api/drops/" + dropId + "/orders")
                .send(ByteBufFlux.fromString(Mono.just(BODY)))
                .responseSingle((response, body) ->
                        body.then(Mono.just(response.status().code())))
                .map(this::outcome)
                .onErrorResume(this::failed)
                .toFuture();
    }

    /** A reference row's request: {@code GET path} with the buyer's token; 200 is the answer, anything else an error. */
    CompletionStage<OpenModelDriver.Outcome> get(String path, String token) {
        return client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
                .get()
                .uri(path)
                .responseSingle((response, body) ->
                        body.then(Mono.just(response.status().code())))
                .map(status -> status == 200 ? OpenModelDriver.Outcome.ACCEPTED : error("HTTP " + status))
                .onErrorResume(this::failed)
                .toFuture();
    }

    /** Runs {@code rate * duration} reference requests, each with the next token. */
    OpenModelDriver.Result runGet(String path, List<String> tokens, int rate, Duration duration, Duration grace) {
        return OpenModelDriver.run(
                rate, duration, grace, index -> get(path, tokens.get((int) (index % tokens.size()))));
    }

    OpenModelDriver.Outcome outcome(int status) {
        return switch (status) {
            case 202 -> OpenModelDriver.Outcome.ACCEPTED;
            case 409 -> OpenModelDriver.Outcome.REFUSED;
            default -> error("HTTP " + status);
        };
    }

    private Mono<OpenModelDriver.Outcome> failed(Throwable failure) {
        return Mono.just(error(failure.getClass().getSimpleName()));
    }

    private OpenModelDriver.Outcome error(String kind) {
        errorKinds.computeIfAbsent(kind, any -> new LongAdder()).increment();
        return OpenModelDriver.Outcome.ERROR;
    }

    /** The errors since the last call, most frequent first ({@code "ReadTimeoutException 530, HTTP 503 6"}); clears them. */
    String takeErrorKinds() {
        String text = errorKinds.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum))
                        .reversed())
                .map(entry -> entry.getKey() + " " + entry.getValue().sum())
                .collect(Collectors.joining(", "));
        errorKinds.clear();
        return text;
    }

    /** Runs {@code rate * duration} buys on the drop, each with the next token. */
    OpenModelDriver.Result run(String dropId, List<String> tokens, int rate, Duration duration, Duration grace) {
        return OpenModelDriver.run(
                rate, duration, grace, index -> buy(dropId, tokens.get((int) (index % tokens.size()))));
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
