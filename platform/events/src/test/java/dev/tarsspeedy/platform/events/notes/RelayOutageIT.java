package dev.tarsspeedy.platform.events.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.kafka.KafkaServer;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import dev.tarsspeedy.platform.test.ServiceIT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/** A broker outage delays events but loses none and duplicates none. */
@ServiceIT
class RelayOutageIT {

    private static final int EVENTS = 20;

    @Autowired
    NoteService notes;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    ReactiveTransactionManager transactionManager;

    @Test
    void eventsCommittedDuringAnOutageWaitAndArePublishedOnceWhenTheBrokerIsBack() {
        // The producer learns the notes topic's partitions before the outage.
        EventEnvelope before =
                notes.write(UUID.randomUUID(), "written before the outage").block();
        await("the event before the outage published")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> published(List.of(before.id())) == 1);
        String unknownTopic = "test.outage-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        KafkaServer kafka = Infrastructure.shared().kafka();
        double failuresBefore = failed(NotesApplication.NOTES_TOPIC);
        List<UUID> ids;
        EventEnvelope toUnknownTopic;
        kafka.stop();
        try {
            ids = Flux.range(0, EVENTS)
                    .concatMap(i -> notes.write(UUID.randomUUID(), "written during the outage " + i))
                    .map(EventEnvelope::id)
                    .collectList()
                    .block();
            toUnknownTopic = EventEnvelope.of("OutageChecked", 1, "outage", Map.of("during", true));
            TransactionalOperator.create(transactionManager)
                    .transactional(outbox.append(unknownTopic, toUnknownTopic))
                    .block();

            // The relay has tried, failed, and left every row in place.
            await("a failed send")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> failed(NotesApplication.NOTES_TOPIC) > failuresBefore);
            assertThat(published(ids)).isZero();
            assertThat(published(List.of(toUnknownTopic.id()))).isZero();
            await("the pending gauge counts the waiting rows")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> gauge("events.outbox.pending") >= EVENTS + 1);
            assertThat(gauge("events.outbox.oldest.age")).isPositive();
        } finally {
            kafka.start();
        }

        await("every row published after the broker came back")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> published(ids) == EVENTS && published(List.of(toUnknownTopic.id())) == 1);
        Map<UUID, Long> copies = TopicContents.readAll(NotesApplication.NOTES_TOPIC).stream()
                .map(record -> EventEnvelope.fromJson(record.value()).id())
                .filter(ids::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).containsOnlyKeys(ids);
        assertThat(copies.values()).containsOnly(1L);
        assertThat(TopicContents.readAll(unknownTopic))
                .singleElement()
                .satisfies(record ->
                        assertThat(EventEnvelope.fromJson(record.value())).isEqualTo(toUnknownTopic));
        await("the pending gauge drains")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> gauge("events.outbox.pending") == 0);
    }

    private long published(List<UUID> ids) {
        return database.sql("select count(*) from outbox_event where id = any(:ids) and published_at is not null")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private double failed(String topic) {
        return meters.find("events.outbox.failed").tag("topic", topic).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double gauge(String name) {
        Gauge gauge = meters.find(name).gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
