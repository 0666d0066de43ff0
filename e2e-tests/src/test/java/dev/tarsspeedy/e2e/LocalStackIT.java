package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.RunningStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Starts the local stack the way {@code ./stack} does, checks health through the gateway, stops it with SIGTERM
 * and finds nothing left behind.
 */
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsAnswersThroughTheGatewayAndStopsCleanly() throws Exception {
        List<ProcessHandle> processes;
        try (RunningStack stack = RunningStack.start("lifecycle")) {
            processes = stack.processes();
            assertThat(processes).as("servers and services of the stack").hasSizeGreaterThanOrEqualTo(4);

            for (String path : List.of(
                    "/actuator/health",
                    "/health/identity-service",
                    "/health/notification-service",
                    "/health/catalog-service",
                    "/health/order-service")) {
                HttpResponse<String> health = get(stack.gateway() + path);
                assertThat(health.statusCode()).as(path).isEqualTo(200);
                assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
            }

            HttpResponse<String> unknown = get(stack.gateway() + "/api/no-such-thing");
            assertThat(unknown.statusCode()).isIn(401, 404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            assertThat(stack.stop()).as("exit status after SIGTERM").isPresent();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                .as("processes left behind")
                .isEmpty();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
