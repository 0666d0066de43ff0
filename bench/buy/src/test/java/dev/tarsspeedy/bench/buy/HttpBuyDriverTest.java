package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.bench.buy.OpenModelDriver.Outcome;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The bench's driver against a stand-in on this JVM whose answer depends on the drop id in the path. */
class HttpBuyDriverTest {

    /** The client ports the stand-in saw: one per connection the driver opened. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private DisposableServer standIn;

    @BeforeEach
    void start() {
        standIn = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    String path = request.uri();
                    connections.add(request.remoteAddress().getPort());
                    if (!"Bearer token-1".equals(request.requestHeaders().get("Authorization"))) {
                        return response.status(HttpResponseStatus.UNAUTHORIZED).send();
                    }
                    String key = request.requestHeaders().get("Idempotency-Key");
                    if (key != null) {
                        keys.add(key);
                    }
                    if (path.contains("hang")) {
                        return Mono.never();
                    }
                    HttpResponseStatus status = path.contains("accept")
                            ? HttpResponseStatus.ACCEPTED
                            : path.contains("refuse")
                                    ? HttpResponseStatus.CONFLICT
                                    : path.contains("noop")
                                            ? HttpResponseStatus.OK
                                            : HttpResponseStatus.SERVICE_UNAVAILABLE;
                    return request.receive()
                            .aggregate()
                            .asString()
                            .defaultIfEmpty("")
                            .doOnNext(bodies::add)
                            .then(response.status(status)
                                    .header("Content-Type", "application/json")
                                    .sendString(Mono.just("{}"))
                                    .then());
                })
                .bindNow();
    }

    @AfterEach
    void stop() {
        standIn.disposeNow();
    }

    private HttpBuyDriver driver(int maxConnections, Duration timeout) {
        return new HttpBuyDriver("http://127.0.0.1:" + standIn.port(), maxConnections, timeout);
    }

    @Test
    void countsEachAnswerAsTheBuyerSeesIt() {
        try (HttpBuyDriver driver = driver(4, Duration.ofSeconds(5))) {
            assertThat(outcome(driver.buy("accept", "token-1"))).isEqualTo(Outcome.ACCEPTED);
            assertThat(outcome(driver.buy("refuse", "token-1"))).isEqualTo(Outcome.REFUSED);
            assertThat(outcome(driver.buy("fail", "token-1"))).isEqualTo(Outcome.ERROR);
            assertThat(outcome(driver.buy("accept", "another-token"))).isEqualTo(Outcome.ERROR);
            assertThat(outcome(driver.get("/noop", "token-1"))).isEqualTo(Outcome.ACCEPTED);
            assertThat(outcome(driver.get("/refuse", "token-1")))
                    .as("a 409 is an error for a reference row")
                    .isEqualTo(Outcome.ERROR);

            assertThat(driver.takeErrorKinds().split(", "))
                    .containsExactlyInAnyOrder("HTTP 503 1", "HTTP 401 1", "HTTP 409 1");
            assertThat(driver.takeErrorKinds()).as("cleared when taken").isEmpty();
            assertThat(bodies).contains(HttpBuyDriver.BODY);
            assertThat(keys).as("a key of its own per buy the stand-in let in").hasSize(3);
        }
    }

    @Test
    void attemptsBeyondThePoolWaitForAConnectionInsteadOfOpeningMore() {
        try (HttpBuyDriver driver = driver(3, Duration.ofSeconds(5))) {
            List<CompletionStage<Outcome>> attempts = IntStream.range(0, 200)
                    .mapToObj(i -> driver.buy(i % 2 == 0 ? "accept" : "refuse", "token-1"))
                    .toList();

            assertThat(attempts.stream().map(HttpBuyDriverTest::outcome).filter(Outcome.ACCEPTED::equals))
                    .hasSize(100);
            assertThat(attempts.stream().map(HttpBuyDriverTest::outcome).filter(Outcome.REFUSED::equals))
                    .hasSize(100);
            assertThat(connections).hasSizeLessThanOrEqualTo(3);
            assertThat(keys).as("a key of its own per attempt").hasSize(200);
        }
    }

    @Test
    void anAttemptWithoutAnAnswerInTimeIsAnErrorAndItsConnectionIsNotReused() {
        try (HttpBuyDriver driver = driver(1, Duration.ofMillis(300))) {
            assertThat(outcome(driver.buy("hang", "token-1"))).isEqualTo(Outcome.ERROR);
            assertThat(driver.takeErrorKinds()).isEqualTo("ReadTimeoutException 1");

            assertThat(outcome(driver.buy("accept", "token-1"))).isEqualTo(Outcome.ACCEPTED);
            assertThat(connections)
                    .as("a new connection after the one that timed out")
                    .hasSize(2);
        }
    }

    @Test
    void thousandsOfAttemptsThatTimedOutWaitingForAConnectionAreDroppedAndTheNextIsServed() {
        try (HttpBuyDriver driver = driver(1, Duration.ofMillis(300))) {
            CompletionStage<Outcome> hanging = driver.buy("hang", "token-1");
            List<CompletionStage<Outcome>> waiting = IntStream.range(0, 5000)
                    .mapToObj(i -> driver.buy("accept", "token-1"))
                    .toList();

            assertThat(outcome(hanging)).isEqualTo(Outcome.ERROR);
            assertThat(waiting.stream().map(HttpBuyDriverTest::outcome))
                    .as("every attempt has its outcome")
                    .hasSize(5000)
                    .contains(Outcome.ERROR);
            assertThat(outcome(driver.buy("accept", "token-1"))).isEqualTo(Outcome.ACCEPTED);
        }
    }

    private static Outcome outcome(CompletionStage<Outcome> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
