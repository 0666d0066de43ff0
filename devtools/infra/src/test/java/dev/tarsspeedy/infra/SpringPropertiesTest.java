package dev.tarsspeedy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringPropertiesTest {

    @Test
    void namesEnvironmentVariablesTheWaySpringBootBindsThem() {
        assertThat(SpringProperties.asEnvironment(Map.of(
                        "spring.r2dbc.url", "r2dbc:postgresql://db/orders",
                        "spring.kafka.bootstrap-servers", "kafka:9092")))
                .containsEntry("SPRING_R2DBC_URL", "r2dbc:postgresql://db/orders")
                .containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:9092")
                .hasSize(2);
    }
}
