package dev.tarsspeedy.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.fixture.StarterTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/** Nothing sampled: the trace ids in log lines must not depend on the sampling (TRACING_SAMPLING_PROBABILITY). */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "TRACING_SAMPLING_PROBABILITY=0")
class ObservabilityIT extends StarterTestBase {

    @Test
    void logLinesCarryTheServiceTraceAndSpanIds(CapturedOutput output) {
        client.get()
                .uri("/api/boom")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange()
                .expectStatus()
                .is5xxServerError();

        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("unexpected error"))
                .findFirst()
                .orElseThrow();
        assertThat(line).containsPattern("\\[platform-starter-test,[0-9a-f]{16,32},[0-9a-f]{16}\\]");
    }

    @Test
    void healthHasLivenessAndReadiness() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void metricsCarryServiceAndInstanceTags() {
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .containsPattern("jvm_memory_used_bytes\\{[^}]*instance=\"[^\"]+\"")
                        .contains("service=\"platform-starter-test\""));
    }
}
