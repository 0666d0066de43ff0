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
        properties = ObservabilityDefaults.MANAGEMENT_PORT + "=0")
class ManagementPortIT extends StarterTestBase {

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
        // What Prometheus asks for: OpenMetrics, without exemplars, which Prometheus 2.42 refuses on _count lines.
        management
                .get()
                .uri("/actuator/prometheus")
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("http_server_requests_seconds_count")
                        .doesNotContain(" # {"));
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
