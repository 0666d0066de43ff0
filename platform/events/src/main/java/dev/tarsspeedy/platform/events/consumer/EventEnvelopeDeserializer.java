package dev.tarsspeedy.platform.events.consumer;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.UnreadableEventException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record value as an {@link EventEnvelope}. Wrapped in spring-kafka's {@code ErrorHandlingDeserializer}, a
 * value that is not an envelope becomes a {@code DeserializationException}, which the error handler never retries.
 */
public final class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new UnreadableEventException("record on " + topic + " has no value (a tombstone?)", null);
        }
        return EventEnvelope.fromJson(data);
    }
}
