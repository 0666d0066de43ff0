package dev.tarsspeedy.platform.events.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EventsPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        EventsProperties properties = bind(Map.of());

        assertThat(properties.relay().enabled()).isTrue();
        assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.relay().batchSize()).isEqualTo(100);
        assertThat(properties.relay().backlogRefreshInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.outbox().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.outbox().cleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.outbox().erasePayloadOnPublish()).isFalse();
        assertThat(properties.producer().sendTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.producer().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.producer().maxBlock()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.consumer().retry().maxRetries()).isEqualTo(4);
        assertThat(properties.consumer().retry().initialInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.consumer().retry().multiplier()).isEqualTo(2.0);
        assertThat(properties.consumer().retry().maxInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.consumer().handlerTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bindsKebabCaseKeys() {
        EventsProperties properties = bind(Map.of(
                "platform.events.relay.poll-interval", "1s",
                "platform.events.relay.batch-size", "10",
                "platform.events.outbox.erase-payload-on-publish", "true",
                "platform.events.consumer.retry.max-retries", "0"));

        assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.outbox().erasePayloadOnPublish()).isTrue();
        assertThat(properties.relay().batchSize()).isEqualTo(10);
        assertThat(properties.consumer().retry().maxRetries()).isZero();
    }

    @Test
    void refusesASendTimeoutKafkaWouldRefuse() {
        assertThatThrownBy(() -> bind(Map.of(
                        "platform.events.producer.send-timeout", "5s",
                        "platform.events.producer.request-timeout", "5s")))
                .rootCause()
                .hasMessageContaining("send-timeout");
    }

    private static EventsProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("platform.events", Bindable.of(EventsProperties.class));
    }
}
