package dev.tarsspeedy.bench.buy;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
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
                .map(HttpBuyDriver::outcome)
                .onErrorReturn(OpenModelDriver.Outcome.ERROR)
                .toFuture();
    }

    /** A reference row's request: {@code GET path} with the buyer's token; 200 is the answer, anything else an error. */
    CompletionStage<OpenModelDriver.Outcome> get(String path, String token) {
        return client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
                .get()
                .uri(path)
                .responseSingle((response, body) ->
                        body.then(Mono.just(response.status().code())))
                .map(status -> status == 200 ? OpenModelDriver.Outcome.ACCEPTED : OpenModelDriver.Outcome.ERROR)
                .onErrorReturn(OpenModelDriver.Outcome.ERROR)
                .toFuture();
    }

    /** Runs {@code rate * duration} reference requests, each with the next token. */
    OpenModelDriver.Result runGet(String path, List<String> tokens, int rate, Duration duration, Duration grace) {
        return OpenModelDriver.run(
                rate, duration, grace, index -> get(path, tokens.get((int) (index % tokens.size()))));
    }

    static OpenModelDriver.Outcome outcome(int status) {
        return switch (status) {
            case 202 -> OpenModelDriver.Outcome.ACCEPTED;
            case 409 -> OpenModelDriver.Outcome.REFUSED;
            default -> OpenModelDriver.Outcome.ERROR;
        };
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
