package dev.tarsspeedy.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that is down, unreachable or slower than its route's timeout is answered by the 503 fallback, not waited
 * for, and not a 500. Timed from the client: a fallback after a timeout comes no sooner than that timeout (the gateway
 * did wait for the service) and well before the client's own 10 s limit (the gateway gave up, not the client).
 */
class FallbackIT extends GatewayTestBase {

    /** The test routes' timeouts (application-test.yml). */
    private static final Duration ROUTE_TIMEOUT = Duration.ofMillis(500);

    /** Room for the gateway's own work on a shared 2-core machine: a bound on correctness, not a speed goal. */
    private static final Duration MARGIN = Duration.ofMillis(2500);

    @Test
    void aServiceThatIsDownIs503ProblemWithRetryAfter() {
        String path = unique("/api/down/orders");
        String token = userToken();
        Timed<Map<String, Object>> timed = timed(() -> {
            WebTestClient.ResponseSpec response = client().get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange();
            response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
            return assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        });
        assertThat(timed.value()).containsEntry("service", "down").containsEntry("instance", path);
        // A refused connection fails at once; the connect timeout bounds it in any case.
        assertThat(timed.elapsed()).isLessThan(ROUTE_TIMEOUT.plus(MARGIN));
    }

    @Test
    void aServiceWhoseHostDropsConnectionsIs503ProblemWithinTheConnectTimeout() {
        String path = unique("/api/hanging/quotes");
        String token = userToken();
        Timed<Map<String, Object>> timed = timed(() -> assertProblem(
                client().get()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable"));
        assertThat(timed.value()).containsEntry("service", "hanging").containsEntry("instance", path);
        assertThat(timed.elapsed())
                .as("the gateway waited for the connection until the route's connect timeout, and no longer")
                .isGreaterThanOrEqualTo(ROUTE_TIMEOUT)
                .isLessThan(ROUTE_TIMEOUT.plus(MARGIN));
    }

    @Test
    void aPublicRouteFallsBackWithoutAToken() {
        // Forwarding to /fallback happens inside the gateway: no token is asked for the fallback itself.
        String path = unique("/api/auth/login");
        Map<String, Object> problem = assertProblem(
                client().post()
                        .uri(path)
                        .bodyValue(Map.of("email", "kim@example.com"))
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable");
        assertThat(problem).containsEntry("service", "identity");
    }

    @Test
    void aSlowServiceIs503ProblemWithinTheRouteTimeout() {
        String path = unique("/api/slow/quotes");
        String token = userToken();
        Timed<Map<String, Object>> timed = timed(() -> {
            WebTestClient.ResponseSpec response = client().post()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .bodyValue(Map.of("symbol", "005930"))
                    .exchange();
            response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
            return assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        });
        assertThat(timed.value()).containsEntry("service", "slow").containsEntry("instance", path);
        assertThat(timed.elapsed())
                .as("the gateway waited for the answer until the route's response timeout, and no longer")
                .isGreaterThanOrEqualTo(ROUTE_TIMEOUT)
                .isLessThan(ROUTE_TIMEOUT.plus(MARGIN));
        // It did reach the service, which was just too slow.
        assertThat(DOWNSTREAM.receivedAt(path)).isPresent();
    }

    @Test
    void theHealthOfAServiceThatIsDownIs503ProblemWithoutAToken() {
        Map<String, Object> problem = assertProblem(
                client().get().uri("/health/down-service").exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable");
        assertThat(problem).containsEntry("service", "down").containsEntry("instance", "/health/down-service");
    }

    @Test
    void theApiDocumentOfAServiceThatIsDownIs503ProblemWithoutAToken() {
        Map<String, Object> problem = assertProblem(
                client().get().uri("/v3/api-docs/down").exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable");
        assertThat(problem).containsEntry("service", "down").containsEntry("instance", "/v3/api-docs/down");
    }

    private record Timed<T>(T value, Duration elapsed) {}

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }
}
