package dev.tarsspeedy.platform.events.notes;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Increments the counter named by the event's key, once per event however often it is delivered. */
@Component
class CountingListener {

    static final String CONSUMER = "note-counter";

    private final IdempotentConsumer consumer;
    private final Counters counters;
    private final Map<UUID, List<Boolean>> deliveries = new ConcurrentHashMap<>();

    CountingListener(IdempotentConsumer consumer, Counters counters) {
        this.consumer = consumer;
        this.counters = counters;
    }

    @KafkaListener(topics = NotesApplication.COUNTED_TOPIC, groupId = CONSUMER)
    void on(EventEnvelope event) {
        boolean applied = consumer.handleAndWait(CONSUMER, event, e -> counters.increment(e.key()));
        deliveries
                .computeIfAbsent(event.id(), id -> new CopyOnWriteArrayList<>())
                .add(applied);
    }

    /** What {@code handleAndWait} answered for each delivery of the event, in order. */
    List<Boolean> deliveries(UUID eventId) {
        return List.copyOf(deliveries.getOrDefault(eventId, List.of()));
    }
}
