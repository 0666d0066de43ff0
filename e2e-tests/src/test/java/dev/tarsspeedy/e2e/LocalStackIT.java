package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.localstack.StackServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The local stack started the way {@code ./stack} does (the e2e classes' shared one): checks the health of every
 * process it runs (the services through the gateway, the Kakaopay and market stand-ins at their own ports), stops it
 * with SIGTERM and finds nothing left behind. It stops the shared stack, so it runs after every other class of the
 * module ({@code junit-platform.properties} orders classes by {@link Order}); run alone, it starts the stack itself.
 */
@Order(Integer.MAX_VALUE)
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsAnswersThroughTheGatewayAndStopsCleanly() throws Exception {
        List<ProcessHandle> processes;
        try (RunningStack stack = RunningStack.shared()) {
            // Every process the stack runs, from its own table: a service added to the stack is checked here too.
            List<StackServices.HealthCheck> checks = StackServices.healthChecks(RunningStack.REPOSITORY);
            assertThat(checks.stream().map(StackServices.HealthCheck::name))
                    .as("processes of the stack")
                    .contains("gateway", "identity-service", "payment-service", "kakaopay-stand-in");
            // TARS: the two services through the gateway, the market stand-in at its own port.
            assertThat(checks)
                    .as("TARS's processes and how they are checked")
                    .contains(
                            new StackServices.HealthCheck("market-data-service", true, "/health/market-data-service"),
                            new StackServices.HealthCheck("alert-service", true, "/health/alert-service"),
                            new StackServices.HealthCheck("market-stand-in", false, "/__stand-in/health"));

            processes = stack.processes();
            // One JVM per service, plus PostgreSQL, Redis and the Kafka broker (the SMTP server runs in the stack's
            // JVM).
            assertThat(processes)
                    .as("servers and services of the stack")
                    .hasSizeGreaterThanOrEqualTo(checks.size() + 3);
            for (StackServices.HealthCheck check : checks) {
                String url = (check.throughGateway() ? stack.gateway() : stack.url(check.name())) + check.path();
                HttpResponse<String> health = get(url);
                assertThat(health.statusCode()).as(url).isEqualTo(200);
                assertThat(health.body()).as(url).contains("\"status\":\"UP\"");
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
