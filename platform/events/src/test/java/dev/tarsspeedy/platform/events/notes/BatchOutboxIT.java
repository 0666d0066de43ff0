package dev.tarsspeedy.platform.events.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventJson;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import dev.tarsspeedy.platform.test.ServiceIT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The outbox's batch writes on real PostgreSQL and Kafka: many rows per statement, same guarantees as one by one. */
@ServiceIT
class BatchOutboxIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    DatabaseClient database;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    EmailOutbox emails;

    @Autowired
    ReactiveTransactionManager transactionManager;

    @Test
    void aCommittedBatchStoresEveryEventWholeAndEachIsPublishedExactlyOnce() {
        // More than two statements' worth, the last one partly filled.
        List<EventEnvelope> events = notes(1_203, "batch");

        TransactionalOperator.create(transactionManager)
                .transactional(outbox.appendAll(NotesApplication.NOTES_TOPIC, events))
                .block();

        UUID[] ids = events.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        Map<UUID, Row> stored = database.sql("""
                        select id, topic, event_key, type, version, occurred_at, payload::text as payload
                        from outbox_event where id = any(:ids)
                        """)
                .bind("ids", ids)
                .map(row -> new Row(
                        row.get("id", UUID.class),
                        row.get("topic", String.class),
                        row.get("event_key", String.class),
                        row.get("type", String.class),
                        row.get("version", Integer.class),
                        row.get("occurred_at", Instant.class),
                        row.get("payload", String.class)))
                .all()
                .collectMap(Row::id)
                .block();
        assertThat(stored).hasSize(events.size());
        for (EventEnvelope event : events) {
            Row row = stored.get(event.id());
            assertThat(row.topic()).isEqualTo(NotesApplication.NOTES_TOPIC);
            assertThat(row.key()).isEqualTo(event.key());
            assertThat(row.type()).isEqualTo(event.type());
            assertThat(row.version()).isEqualTo(event.version());
            assertThat(row.occurredAt()).isEqualTo(event.occurredAt());
            assertThat(EventJson.mapper().readTree(row.payload())).isEqualTo(event.payload());
        }

        await("batch published")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(
                                "select count(*) from outbox_event where id = any(:ids) and published_at is not null",
                                ids)
                        == events.size());
        Map<UUID, Long> copies = TopicContents.readAll(NotesApplication.NOTES_TOPIC).stream()
                .map(record -> EventEnvelope.fromJson(record.value()))
                .filter(event -> stored.containsKey(event.id()))
                .collect(Collectors.groupingBy(EventEnvelope::id, Collectors.counting()));
        assertThat(copies).hasSize(events.size());
        assertThat(copies.values()).containsOnly(1L);
        Map<UUID, EventEnvelope> published = TopicContents.readAll(NotesApplication.NOTES_TOPIC).stream()
                .map(record -> EventEnvelope.fromJson(record.value()))
                .filter(event -> stored.containsKey(event.id()))
                .collect(Collectors.toMap(EventEnvelope::id, Function.identity(), (a, b) -> a));
        events.forEach(event -> assertThat(published.get(event.id())).isEqualTo(event));
    }

    @Test
    void aRolledBackBatchLeavesNoRow() {
        List<EventEnvelope> events = notes(600, "rolled back");

        assertThatThrownBy(() -> TransactionalOperator.create(transactionManager)
                        .transactional(outbox.appendAll(NotesApplication.NOTES_TOPIC, events)
                                .then(Mono.error(new IllegalStateException("failing after the batch"))))
                        .block())
                .hasMessageContaining("failing after the batch");

        assertThat(count(
                        "select count(*) from outbox_event where id = any(:ids)",
                        events.stream().map(EventEnvelope::id).toArray(UUID[]::new)))
                .isZero();
    }

    @Test
    void aBatchOutsideATransactionIsRefusedEvenWhenEmpty() {
        List<EventEnvelope> events = notes(3, "no transaction");

        assertThatThrownBy(() ->
                        outbox.appendAll(NotesApplication.NOTES_TOPIC, events).block())
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> outbox.appendAll(NotesApplication.NOTES_TOPIC, List.of())
                        .block())
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count(
                        "select count(*) from outbox_event where id = any(:ids)",
                        events.stream().map(EventEnvelope::id).toArray(UUID[]::new)))
                .isZero();
    }

    @Test
    void bulkEmailsAreStoredAsBulkRequestsKeyedByRecipientInTheCallersTransaction() {
        String run = UUID.randomUUID().toString();
        List<EmailOutbox.BulkEmail> mails = IntStream.range(0, 3)
                .mapToObj(i -> new EmailOutbox.BulkEmail(
                        "stock-report",
                        "user" + i + "-" + run + "@example.com",
                        i % 2 == 0 ? "ko" : "en",
                        Map.of("n", i),
                        "report:" + run + ":" + i,
                        "https://tars.example/unsubscribe/" + i))
                .toList();

        // Looked at inside the transaction, then rolled back: no request for an unknown topic reaches the relay.
        List<EmailRequested> stored = TransactionalOperator.create(transactionManager)
                .execute(status -> {
                    status.setRollbackOnly();
                    return emails.requestBulkEmails(mails)
                            .thenMany(database.sql("""
                                            select event_key, payload::text as payload from outbox_event
                                            where topic = :topic and payload ->> 'idempotencyKey' like :keys
                                            order by created_at, payload ->> 'idempotencyKey'
                                            """)
                                    .bind("topic", EmailRequested.TOPIC)
                                    .bind("keys", "report:" + run + ":%")
                                    .map(row -> {
                                        EmailRequested request = EventJson.mapper()
                                                .readValue(row.get("payload", String.class), EmailRequested.class);
                                        assertThat(row.get("event_key", String.class))
                                                .isEqualTo(request.to());
                                        return request;
                                    })
                                    .all());
                })
                .collectList()
                .block();

        assertThat(stored).hasSize(3);
        for (int i = 0; i < 3; i++) {
            EmailRequested request = stored.get(i);
            EmailOutbox.BulkEmail mail = mails.get(i);
            assertThat(request.idempotencyKey()).isEqualTo(mail.deduplicationKey());
            assertThat(request.to()).isEqualTo(mail.to());
            assertThat(request.locale()).isEqualTo(mail.language());
            assertThat(request.model()).isEqualTo(Map.of("n", i));
            assertThat(request.template()).isEqualTo("stock-report");
            assertThat(request.category()).isEqualTo(EmailRequested.Category.BULK);
            assertThat(request.unsubscribeUrl()).isEqualTo(mail.unsubscribeUrl());
        }
        assertThat(countKeys(run)).isZero();
    }

    @Test
    void aBulkEmailWithoutAnUnsubscribeUrlFailsTheWholeBatchBeforeAnythingIsWritten() {
        String run = UUID.randomUUID().toString();
        List<EmailOutbox.BulkEmail> mails = List.of(
                new EmailOutbox.BulkEmail(
                        "stock-report", "a@example.com", "en", Map.of(), "report:" + run + ":a", "https://u/a"),
                new EmailOutbox.BulkEmail(
                        "stock-report", "b@example.com", "en", Map.of(), "report:" + run + ":b", " "));

        assertThatThrownBy(() -> TransactionalOperator.create(transactionManager)
                        .transactional(emails.requestBulkEmails(mails))
                        .block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsubscribe");
        assertThat(countKeys(run)).isZero();
    }

    private record Row(
            UUID id, String topic, String key, String type, int version, Instant occurredAt, String payload) {}

    private static List<EventEnvelope> notes(int count, String text) {
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    UUID noteId = UUID.randomUUID();
                    return EventEnvelope.of(
                            NotesApplication.NOTE_WRITTEN,
                            1,
                            noteId.toString(),
                            new NoteWritten(noteId, text + " " + i + " — 메모"));
                })
                .toList();
    }

    private long countKeys(String run) {
        return database.sql("select count(*) from outbox_event where payload ->> 'idempotencyKey' like :keys")
                .bind("keys", "report:" + run + ":%")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private long count(String sql, Object ids) {
        return database.sql(sql)
                .bind("ids", ids)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
