package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.localstack.StackServices.HealthCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackServicesTest {

    private static final Path REPOSITORY = Path.of("..");

    @Test
    void everyProcessOfTheStackHasAHealthCheck() {
        assertThat(StackServices.healthChecks(REPOSITORY).stream().map(HealthCheck::name))
                .containsExactlyElementsOf(StackServices.present(REPOSITORY))
                .contains("gateway", "payment-service", StackServices.KAKAOPAY);
    }

    @Test
    void springServicesAreCheckedThroughTheGatewayAndTheStandInAtItsOwnPort() {
        assertThat(StackServices.healthChecks(REPOSITORY))
                .contains(
                        new HealthCheck("gateway", true, "/healthz"),
                        new HealthCheck("payment-service", true, "/health/payment-service"),
                        new HealthCheck("identity-service", true, "/health/identity-service"),
                        new HealthCheck(StackServices.KAKAOPAY, false, "/__stand-in/health"));
    }
}
