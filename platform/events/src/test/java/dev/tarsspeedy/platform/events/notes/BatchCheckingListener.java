package dev.tarsspeedy.platform.events.notes;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A batch listener on the idempotent consumer: each event increments the counter named by its id, so an event applied
 * twice shows as 2; an event whose payload says {@code "fail"} fails the handler.
 */
@Component
class BatchCheckingListener {

    static final String CONSUMER = "batch-checker";

    private final IdempotentConsumer consumer;
    private final Counters counters;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    /** The size of each list the handler was given, in order. */
    private final List<Integer> handled = new CopyOnWriteArrayList<>();

    BatchCheckingListener(IdempotentConsumer consumer, Counters counters) {
        this.consumer = consumer;
        this.counters = counters;
    }

    @KafkaListener(id = CONSUMER, topics = NotesApplication.BATCH_CHECKED_TOPIC, groupId = CONSUMER, batch = "true")
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        consumer.handleRecordsAndWait(CONSUMER, records, this::apply);
    }

    private Mono<Void> apply(List<EventEnvelope> events) {
        handled.add(events.size());
        return Flux.fromIterable(events)
                .concatMap(event -> {
                    attempts.computeIfAbsent(event.id(), id -> new AtomicInteger())
                            .incrementAndGet();
                    CheckingListener.CheckRequested check = event.payloadAs(CheckingListener.CheckRequested.class);
                    return "fail".equals(check.outcome())
                            ? Mono.error(new IllegalStateException("check " + event.id() + " fails, as asked"))
                            : counters.increment(event.id().toString());
                })
                .then();
    }

    int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    List<Integer> handled() {
        return List.copyOf(handled);
    }
}
