package dev.tarsspeedy.platform.events.consumer;

import dev.tarsspeedy.platform.events.EventEnvelope;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Kafka consumers that read {@link EventEnvelope} values. */
public final class EventConsumers {

    private EventConsumers() {}

    /**
     * A consumer factory on the given client settings (bootstrap servers, security, group settings), with string keys
     * and envelope values; an unreadable value becomes a {@code DeserializationException} for the error handler.
     * Unless the settings say otherwise, a new consumer group starts at the earliest record, so events published
     * before a service's first start are not skipped.
     */
    public static DefaultKafkaConsumerFactory<String, EventEnvelope> consumerFactory(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(
                config,
                StringDeserializer::new,
                () -> new ErrorHandlingDeserializer<>(new EventEnvelopeDeserializer()));
    }
}
