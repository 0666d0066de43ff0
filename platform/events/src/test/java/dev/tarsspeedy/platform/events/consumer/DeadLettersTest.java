package dev.tarsspeedy.platform.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class DeadLettersTest {

    @Test
    void deadLettersGoToTheDltTopicOnAPartitionTheProducerChooses() {
        TopicPartition destination = DeadLetters.destination("orders.order-placed.v1");

        assertThat(destination.topic()).isEqualTo("orders.order-placed.v1.dlt");
        assertThat(destination.partition()).isEqualTo(-1);
    }

    @Test
    void deadLetterValuesAreTheOriginalBytesOrTheEnvelopesJson() {
        Serializer<Object> serializer = DeadLetters.valueSerializer();
        byte[] raw = {(byte) 0xff, 'n', 'o', 't'};
        EventEnvelope event = EventEnvelope.of("OrderPlaced", 1, "order-1", Map.of("buyer", "박지훈"));

        assertThat(serializer.serialize("t.dlt", raw)).isEqualTo(raw);
        assertThat(new String(serializer.serialize("t.dlt", event), StandardCharsets.UTF_8))
                .isEqualTo(event.toJson());
    }

    @Test
    void backOffAllowsExactlyTheConfiguredRetriesGrowingUpToTheLongestPause() {
        BackOff backOff = DeadLetters.backOff(100, 3.0, 500, 4);
        BackOffExecution execution = backOff.start();

        assertThat(execution.nextBackOff()).isEqualTo(100);
        assertThat(execution.nextBackOff()).isEqualTo(300);
        assertThat(execution.nextBackOff()).isEqualTo(500);
        assertThat(execution.nextBackOff()).isEqualTo(500);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void theDeserializerTurnsAnythingButAnEnvelopeIntoAnUnreadableEvent() {
        EventEnvelopeDeserializer deserializer = new EventEnvelopeDeserializer();
        EventEnvelope event = EventEnvelope.of("OrderPlaced", 1, "order-1", Map.of("buyer", "최유나"));

        assertThat(deserializer.deserialize("t", event.toJson().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
        assertThatThrownBy(() -> deserializer.deserialize("t", "{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", null)).isInstanceOf(UnreadableEventException.class);
    }
}
