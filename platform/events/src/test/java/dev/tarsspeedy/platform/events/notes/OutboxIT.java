package dev.tarsspeedy.platform.events.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventHeaders;
import dev.tarsspeedy.platform.events.autoconfigure.EventsAutoConfiguration;
import dev.tarsspeedy.platform.events.outbox.OutboxRelay;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import dev.tarsspeedy.platform.test.ServiceIT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox on real PostgreSQL and Kafka: an event is published exactly when its transaction commits. */
@ServiceIT
class OutboxIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    NoteService notes;

    @Autowired
    DatabaseClient database;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    ReactiveTransactionManager transactionManager;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier(EventsAutoConfiguration.RELAY_PRODUCER_FACTORY)
    ProducerFactory<String, String> relayProducerFactory;

    @Test
    void aCommittedChangeIsPublishedAsExactlyOneRecord() {
        double publishedBefore = published(NotesApplication.NOTES_TOPIC);
        UUID noteId = UUID.randomUUID();
        String text = "삼성전자 005930 목표가 도달 — 메모 ✓";

        EventEnvelope event = notes.write(noteId, text).block();

        assertThat(event).isNotNull();
        awaitPublished(List.of(event.id()));
        List<ConsumerRecord<String, byte[]>> records = recordsOf(NotesApplication.NOTES_TOPIC, event.id());
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        EventEnvelope published = EventEnvelope.fromJson(record.value());
        assertThat(published.id()).isEqualTo(event.id());
        assertThat(published.type()).isEqualTo("NoteWritten");
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.key()).isEqualTo(noteId.toString());
        assertThat(published.occurredAt()).isEqualTo(event.occurredAt());
        assertThat(published.payloadAs(NoteWritten.class)).isEqualTo(new NoteWritten(noteId, text));
        assertThat(published).isEqualTo(event);
        assertThat(record.key()).isEqualTo(noteId.toString());
        assertThat(header(record, EventHeaders.ID)).isEqualTo(event.id().toString());
        assertThat(header(record, EventHeaders.TYPE)).isEqualTo("NoteWritten");
        assertThat(header(record, EventHeaders.VERSION)).isEqualTo("1");
        assertThat(count("select count(*) from note where id = :id", noteId)).isEqualTo(1);
        assertThat(published(NotesApplication.NOTES_TOPIC)).isGreaterThanOrEqualTo(publishedBefore + 1);
    }

    @Test
    void aRolledBackChangeLeavesNoNoteNoOutboxRowAndNoRecord() {
        UUID noteId = UUID.randomUUID();

        assertThatThrownBy(() -> notes.writeThenFail(noteId, "never stored").block())
                .hasMessageContaining("failing after both writes");

        assertThat(count("select count(*) from note where id = :id", noteId)).isZero();
        assertThat(count("select count(*) from outbox_event where event_key = :id", noteId.toString()))
                .isZero();
        // A later event, once on the topic, shows the relay has passed where the rolled-back one would have been.
        EventEnvelope later =
                notes.write(UUID.randomUUID(), "written after the rollback").block();
        awaitPublished(List.of(later.id()));
        List<ConsumerRecord<String, byte[]>> all = TopicContents.readAll(NotesApplication.NOTES_TOPIC);
        assertThat(all).anySatisfy(record -> assertThat(record.key()).isEqualTo(later.key()));
        assertThat(all).noneSatisfy(record -> assertThat(record.key()).isEqualTo(noteId.toString()));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        EventEnvelope event =
                EventEnvelope.of("NoteWritten", 1, "no-transaction", new NoteWritten(UUID.randomUUID(), "alone"));

        assertThatThrownBy(
                        () -> outbox.append(NotesApplication.NOTES_TOPIC, event).block())
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count("select count(*) from outbox_event where id = :id", event.id()))
                .isZero();
    }

    @Test
    void aRecordKafkaRefusesDoesNotHoldUpTheOthers() {
        double failedBefore = failed("test.too-large.v1");
        TransactionalOperator transaction = TransactionalOperator.create(transactionManager);
        // Over the producer's max.request.size (1 MB): Kafka refuses it at once, on every attempt.
        EventEnvelope tooLarge = EventEnvelope.of("TooLarge", 1, "big", Map.of("blob", "x".repeat(1_100_000)));
        try {
            transaction
                    .transactional(outbox.append("test.too-large.v1", tooLarge))
                    .block();
            EventEnvelope after = notes.write(UUID.randomUUID(), "queued behind a record Kafka refuses")
                    .block();

            awaitPublished(List.of(after.id()));
            assertThat(count(
                            "select count(*) from outbox_event where id = :id and published_at is null", tooLarge.id()))
                    .isEqualTo(1);
            assertThat(failed("test.too-large.v1")).isGreaterThan(failedBefore);
        } finally {
            // It would be retried (and fail) for as long as it stays.
            database.sql("delete from outbox_event where id = :id")
                    .bind("id", tooLarge.id())
                    .fetch()
                    .rowsUpdated()
                    .block();
        }
    }

    @Test
    void relaysOfSeveralInstancesNeverPublishTheSameRowTwice() {
        OutboxRelay.Settings settings = new OutboxRelay.Settings(
                Duration.ofMillis(10),
                7,
                Duration.ofSeconds(3),
                Duration.ofSeconds(1),
                Duration.ZERO,
                Duration.ofHours(1));
        List<OutboxRelay> others = List.of(otherInstanceRelay(settings), otherInstanceRelay(settings));
        // Two more instances poll as fast as they can while 150 events commit at once.
        List<Disposable> racing = others.stream()
                .map(other -> Mono.defer(other::publishBatch).repeat().subscribe())
                .toList();
        try {
            TransactionalOperator transaction = TransactionalOperator.create(transactionManager);
            List<EventEnvelope> events = transaction
                    .transactional(Flux.range(0, 150).concatMap(i -> notes.write(UUID.randomUUID(), "race " + i)))
                    .collectList()
                    .block();
            assertThat(events).hasSize(150);
            List<UUID> ids = events.stream().map(EventEnvelope::id).toList();

            awaitPublished(ids);

            Map<UUID, Long> copies = TopicContents.readAll(NotesApplication.NOTES_TOPIC).stream()
                    .map(record -> EventEnvelope.fromJson(record.value()).id())
                    .filter(ids::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(copies).hasSize(150);
            assertThat(copies.values()).containsOnly(1L);
        } finally {
            racing.forEach(Disposable::dispose);
        }
    }

    @Test
    void aRelayThatErasesPayloadsPublishesThemWholeAndKeepsOnlyTheRowsEnvelope() {
        OutboxRelay eraser = otherInstanceRelay(new OutboxRelay.Settings(
                Duration.ofMillis(10),
                100,
                Duration.ofSeconds(3),
                Duration.ofSeconds(1),
                Duration.ofDays(7),
                Duration.ofHours(1),
                true));
        String secret = "one-time code 482913 for 김민준";
        UUID noteId = UUID.randomUUID();
        // Only the erasing relay may publish this row: the context's relay pauses meanwhile.
        relay.stop();
        EventEnvelope event;
        try {
            event = notes.write(noteId, secret).block();
            UUID eventId = event.id();
            assertThat(payloadOf(eventId)).contains("482913").contains("김민준");

            await("published by the erasing relay").atMost(TIMEOUT).until(() -> {
                eraser.publishBatch().block();
                return count("select count(*) from outbox_event where id = :id and published_at is not null", eventId)
                        == 1;
            });
        } finally {
            relay.start();
        }

        assertThat(payloadOf(event.id()))
                .as("the row stays, its payload is gone")
                .isEqualTo("{}");
        assertThat(count("select count(*) from outbox_event where position(:id in payload::text) > 0", secret))
                .isZero();
        List<ConsumerRecord<String, byte[]>> records = recordsOf(NotesApplication.NOTES_TOPIC, event.id());
        assertThat(records).hasSize(1);
        assertThat(EventEnvelope.fromJson(records.getFirst().value()).payloadAs(NoteWritten.class))
                .as("Kafka got the whole event")
                .isEqualTo(new NoteWritten(noteId, secret));

        // The default relay keeps published payloads (until the retention deletes the row).
        EventEnvelope kept = notes.write(UUID.randomUUID(), "kept " + secret).block();
        awaitPublished(List.of(kept.id()));
        assertThat(payloadOf(kept.id())).contains("482913");
    }

    @Test
    void cleanupDeletesPublishedRowsPastTheRetentionOnly() {
        Instant now = Instant.now();
        UUID old = insertOutboxRow(now.minus(8, ChronoUnit.DAYS), now.minus(8, ChronoUnit.DAYS));
        UUID recent = insertOutboxRow(now.minus(8, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        UUID unpublished = insertOutboxRow(now.minus(8, ChronoUnit.DAYS), null);
        // The running relay cleans up once an hour (it did at start), not at every poll: after it has published a
        // later event, the old row is still there.
        EventEnvelope later =
                notes.write(UUID.randomUUID(), "written after the old rows").block();
        awaitPublished(List.of(later.id()));
        assertThat(count("select count(*) from outbox_event where id = :id", old))
                .isEqualTo(1);

        Long deleted = relay.cleanUp().block();

        assertThat(deleted).isPositive();
        assertThat(count("select count(*) from outbox_event where id = :id", old))
                .isZero();
        assertThat(count("select count(*) from outbox_event where id = :id", recent))
                .isEqualTo(1);
        // Unpublished rows are never deleted, however old (the relay may have published this one meanwhile).
        assertThat(count("select count(*) from outbox_event where id = :id", unpublished))
                .isEqualTo(1);
    }

    private OutboxRelay otherInstanceRelay(OutboxRelay.Settings settings) {
        return new OutboxRelay(
                database,
                TransactionalOperator.create(transactionManager),
                new KafkaTemplate<>(relayProducerFactory),
                new SimpleMeterRegistry(),
                Clock.systemUTC(),
                settings);
    }

    private UUID insertOutboxRow(Instant createdAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        DatabaseClient.GenericExecuteSpec insert =
                database.sql("""
                        insert into outbox_event
                            (id, topic, event_key, type, version, occurred_at, payload, created_at, published_at)
                        values (:id, 'test.cleanup-checked.v1', 'cleanup', 'CleanupChecked', 1, :createdAt,
                                '{"check": true}'::jsonb, :createdAt, :publishedAt)
                        """).bind("id", id).bind("createdAt", createdAt);
        insert = publishedAt == null
                ? insert.bindNull("publishedAt", Instant.class)
                : insert.bind("publishedAt", publishedAt);
        insert.fetch().rowsUpdated().block();
        return id;
    }

    private void awaitPublished(List<UUID> ids) {
        await("outbox rows published")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(25))
                .until(() -> count(
                                "select count(*) from outbox_event where id = any(:id) and published_at is not null",
                                ids.toArray(UUID[]::new))
                        == ids.size());
    }

    private String payloadOf(UUID id) {
        return database.sql("select payload::text from outbox_event where id = :id")
                .bind("id", id)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private long count(String sql, Object id) {
        return database.sql(sql)
                .bind("id", id)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private double failed(String topic) {
        Counter counter =
                meters.find("events.outbox.failed").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private double published(String topic) {
        Counter counter =
                meters.find("events.outbox.published").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, UUID eventId) {
        return TopicContents.readAll(topic).stream()
                .filter(record -> EventEnvelope.fromJson(record.value()).id().equals(eventId))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
