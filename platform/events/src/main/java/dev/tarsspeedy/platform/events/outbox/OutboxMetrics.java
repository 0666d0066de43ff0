package dev.tarsspeedy.platform.events.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The relay's meters; names are listed in docs/events.md. */
final class OutboxMetrics {

    static final String PUBLISHED = "events.outbox.published";
    static final String FAILED = "events.outbox.failed";
    static final String PENDING = "events.outbox.pending";
    static final String OLDEST_AGE = "events.outbox.oldest.age";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Outbox rows not yet published, as of the relay's last count")
                .register(registry);
        TimeGauge.builder(OLDEST_AGE, this, TimeUnit.MILLISECONDS, OutboxMetrics::oldestAgeMillis)
                .description("Age of the oldest unpublished outbox row, as of the relay's last count")
                .register(registry);
    }

    void published(String topic, int count) {
        counter(PUBLISHED, "Outbox events published to Kafka (acknowledged and marked)", topic)
                .increment(count);
    }

    void failed(String topic, int count) {
        counter(FAILED, "Outbox events whose send to Kafka failed; they stay in the outbox and are retried", topic)
                .increment(count);
    }

    void backlog(long pendingRows, Instant oldestCreatedAt) {
        pending.set(pendingRows);
        oldest.set(oldestCreatedAt);
    }

    private double oldestAgeMillis() {
        Instant since = oldest.get();
        return since == null
                ? 0
                : Math.max(0, Duration.between(since, clock.instant()).toMillis());
    }

    private Counter counter(String name, String description, String topic) {
        return Counter.builder(name)
                .description(description)
                .tag("topic", topic)
                .register(registry);
    }
}
