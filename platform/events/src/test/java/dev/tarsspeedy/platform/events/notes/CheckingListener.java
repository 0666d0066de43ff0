package dev.tarsspeedy.platform.events.notes;

import dev.tarsspeedy.platform.events.EventEnvelope;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Fails on request, to exercise retries and dead letters. */
@Component
class CheckingListener {

    /** The payload: {@code "ok"} succeeds, {@code "fail"} always throws. */
    record CheckRequested(String outcome) {}

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<UUID> processed = ConcurrentHashMap.newKeySet();

    @KafkaListener(topics = NotesApplication.CHECKED_TOPIC, groupId = "checker")
    void on(EventEnvelope event) {
        attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        CheckRequested check = event.payloadAs(CheckRequested.class);
        if ("fail".equals(check.outcome())) {
            throw new IllegalStateException("check " + event.id() + " fails, as asked");
        }
        processed.add(event.id());
    }

    int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    boolean processed(UUID eventId) {
        return processed.contains(eventId);
    }
}
