package dev.tarsspeedy.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.fixture.StarterTestBase;
import dev.tarsspeedy.platform.fixture.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code MANAGEMENT_PORT} set, as the local stack and deploy/ set it, the public port serves no metrics and no
 * actuator at all, only the status at {@code /livez}, {@code /readyz} and {@code /healthz}; the management port
 * serves the actuator.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            ObservabilityDefaults.MANAGEMENT_PORT + "=0",
            // A service's own exclusions (the notification service has one) must not bring back what Prometheus
            // refuses.
            "spring.autoconfigure.exclude=org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration"
        })
class ManagementPortIT extends StarterTestBase {

    /** The Accept header of Prometheus 2.42's scrapes. */
    private static final String PROMETHEUS_2_42_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @LocalManagementPort
    int managementPort;

    @Test
    void thePublicPortRefusesMetricsAndTheManagementPortServesThem() {
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .is4xxClientError()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("jvm_memory_used_bytes"));

        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build();
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("service=\"platform-starter-test\"")
                        .contains("http_server_requests_seconds_bucket"));
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
        // What Prometheus 2.42 asks for: OpenMetrics, where an exemplar on any line but a bucket or a counter's _total
        // (a _count line, a gauge) makes it refuse the whole scrape. Every request here is traced, so several scrapes
        // give the histogram samples recorded under a span.
        String body = null;
        for (int scrape = 0; scrape < 3; scrape++) {
            body = management
                    .get()
                    .uri("/actuator/prometheus")
                    .header("Accept", PROMETHEUS_2_42_ACCEPT)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("application/openmetrics-text;version=1.0.0;charset=utf-8")
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
        }
        assertThat(body).contains("http_server_requests_seconds_count");
        assertThat(body.lines().filter(line -> line.contains(" # {")))
                .as("lines with an exemplar")
                .allSatisfy(line -> assertThat(line.split("[{ ]", 2)[0]).matches(".+_bucket|.+_total"));
    }

    @Test
    void thePublicPortKeepsTheStatus() {
        for (String path : new String[] {"/livez", "/readyz", "/healthz"}) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components")
                    .doesNotExist();
        }
    }
}
