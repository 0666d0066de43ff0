package dev.tarsspeedy.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that is down or slower than its route's timeout is answered by the fallback, not waited for. The
 * client's own response timeout (10 s) is far below the slow service's 20 s: an answer at all means the gateway
 * gave up first. No durations are asserted.
 */
class FallbackIT extends GatewayTestBase {

    @Test
    void aServiceThatIsDownIs503ProblemWithRetryAfter() {
        String path = unique("/api/down/orders");
        WebTestClient.ResponseSpec response = client().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange();
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
        Map<String, Object> problem = assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        assertThat(problem).containsEntry("service", "down").containsEntry("instance", path);
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
        WebTestClient.ResponseSpec response = client().post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .bodyValue(Map.of("symbol", "005930"))
                .exchange();
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
        Map<String, Object> problem = assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        assertThat(problem).containsEntry("service", "slow").containsEntry("instance", path);
        // It did reach the service, which was just too slow.
        assertThat(DOWNSTREAM.receivedAt(path)).isPresent();
    }
}
