package dev.tarsspeedy.platform.events.consumer;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.UnreadableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a record its listener cannot process: unreadable records go to {@code <topic>.dlt} at once, other
 * failures are retried with exponential back-off and then go there too; either way the partition moves on.
 */
public final class DeadLetters {

    /** Counter of records sent to a dead-letter topic, tagged with the original topic. */
    public static final String DEAD_LETTERED = "events.consumer.dead-lettered";

    private DeadLetters() {}

    /**
     * Retry timing for failing listeners.
     *
     * @param maxRetries retries after the first attempt, so a record is tried {@code maxRetries + 1} times
     */
    public static BackOff backOff(
            long initialIntervalMillis, double multiplier, long maxIntervalMillis, int maxRetries) {
        ExponentialBackOff backOff = new ExponentialBackOff(initialIntervalMillis, multiplier);
        backOff.setMaxInterval(maxIntervalMillis);
        backOff.setMaxAttempts(maxRetries);
        return backOff;
    }

    /**
     * The listener error handler: retries with the back-off, then publishes to {@code <topic>.dlt} through the
     * template (waiting for the broker's acknowledgement before the offset moves on).
     *
     * @param deadLetterTemplate a template whose value serializer is {@link #valueSerializer()}
     */
    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> deadLetterTemplate, BackOff backOff, MeterRegistry meterRegistry) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                deadLetterTemplate, (record, exception) -> destination(record.topic()));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            publisher.accept(record, consumer, exception);
            Counter.builder(DEAD_LETTERED)
                    .description("Records a listener could not process, sent to the topic's dead-letter topic")
                    .tag("topic", record.topic())
                    .register(meterRegistry)
                    .increment();
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // DeserializationException (not JSON, not an envelope) is already never retried; a payload that does not fit
        // the listener's type will not fit on the next attempt either.
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }

    /**
     * Dead-letter values: the original bytes of an unreadable record (from {@code ErrorHandlingDeserializer}), an
     * envelope as its JSON.
     */
    public static Serializer<Object> valueSerializer() {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(EventEnvelope.class, (Serializer<EventEnvelope>)
                (topic, envelope) -> envelope == null ? null : envelope.toJson().getBytes(StandardCharsets.UTF_8));
        delegates.put(String.class, new StringSerializer());
        return new DelegatingByTypeSerializer(delegates);
    }

    /** The partition is left to the producer, so a dead-letter topic may have fewer partitions than its topic. */
    static TopicPartition destination(String topic) {
        return new TopicPartition(Topics.deadLetter(topic), -1);
    }
}
