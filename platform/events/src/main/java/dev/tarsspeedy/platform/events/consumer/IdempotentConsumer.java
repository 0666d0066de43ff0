package dev.tarsspeedy.platform.events.consumer;

import dev.tarsspeedy.platform.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies an event at most once per consumer: the handler runs in one transaction with a marker row
 * ({@code processed_event}), so either both commit or neither does. A redelivered event (the relay publishes at least
 * once, Kafka redelivers after a rebalance) finds the marker and is skipped.
 *
 * <pre>{@code
 * @KafkaListener(topics = "orders.order-placed.v1", groupId = "catalog")
 * void on(EventEnvelope event) {
 *     consumer.handleAndWait("catalog", event, e -> stock.reserve(e.payloadAs(OrderPlaced.class)));
 * }
 * }</pre>
 *
 * <p>A consumer that applies events faster together (one multi-row statement instead of one per event) takes them in
 * batches with {@link #handleRecordsAndWait}: one transaction, one marker statement, one handler call for the batch's
 * new events; the guarantees stay those of one event at a time.
 */
public final class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(IdempotentConsumer.class);

    private static final String MARK = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing
            """;
    private static final String MARK_MANY_HEAD = "insert into processed_event (consumer, event_id) values ";
    private static final String MARK_MANY_TAIL = " on conflict do nothing returning event_id";
    /** Markers per statement: one bind parameter each (and the consumer's), far below PostgreSQL's 65,535. */
    static final int MARKS_PER_STATEMENT = 1_000;

    private static final int MAX_CONSUMER_LENGTH = 200;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Duration handlerTimeout;

    public IdempotentConsumer(DatabaseClient database, TransactionalOperator transactions, Duration handlerTimeout) {
        this.database = Objects.requireNonNull(database, "database");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.handlerTimeout = Objects.requireNonNull(handlerTimeout, "handlerTimeout");
    }

    /**
     * Runs the handler unless this consumer already applied the event, in one transaction with the marker.
     *
     * <p>Two deliveries at the same time are safe too: the second insert waits for the first transaction and then
     * finds its row (or, if the first rolled back, inserts and runs the handler).
     *
     * @param consumer a stable name for what the handler does, usually the listener's group id
     * @return true when the handler ran and committed, false when the event had already been applied; an error
     *     (and a rollback of the handler's changes) when the handler failed
     */
    public Mono<Boolean> handle(String consumer, EventEnvelope event, Function<EventEnvelope, Mono<Void>> handler) {
        requireName(consumer);
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        Mono<Boolean> once = Mono.defer(() -> database.sql(MARK)
                .bind("consumer", consumer)
                .bind("eventId", event.id())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.just(false)
                        : Mono.defer(() -> handler.apply(event)).thenReturn(true)));
        return transactions.transactional(once);
    }

    /**
     * {@link #handle} for a Kafka listener, waiting at most the configured handler timeout.
     *
     * <p>Blocking is right here and only here: Kafka listeners run on the container's consumer threads, never on an
     * event loop, and the record must be finished (or failed, for the error handler to retry it) before its offset
     * is committed. Reactor refuses {@code block()} on a non-blocking thread, so a misuse fails loudly.
     *
     * @return as {@link #handle}
     * @throws RuntimeException the handler's error, or an {@link IllegalStateException} on timeout (the transaction is
     *     then cancelled and rolled back)
     */
    public boolean handleAndWait(String consumer, EventEnvelope event, Function<EventEnvelope, Mono<Void>> handler) {
        Boolean applied = handle(consumer, event, handler).block(handlerTimeout);
        return Boolean.TRUE.equals(applied);
    }

    /**
     * Runs the handler once for the events this consumer has not applied yet (in the list's order, each event once
     * even if the list holds it twice), in one transaction with their markers. The handler is not called when every
     * event was applied before.
     *
     * @return the events the handler applied; an error (and a rollback of the handler's changes and of every marker)
     *     when the handler failed
     */
    public Mono<List<EventEnvelope>> handleAll(
            String consumer, List<EventEnvelope> events, Function<List<EventEnvelope>, Mono<Void>> handler) {
        requireName(consumer);
        List<EventEnvelope> all = List.copyOf(Objects.requireNonNull(events, "events"));
        Objects.requireNonNull(handler, "handler");
        Mono<List<EventEnvelope>> once = Mono.defer(() -> mark(consumer, all).flatMap(fresh -> {
            List<EventEnvelope> apply = new ArrayList<>(fresh.size());
            for (EventEnvelope event : all) {
                // remove: a second copy of the same event in the batch is not applied again.
                if (fresh.remove(event.id())) {
                    apply.add(event);
                }
            }
            return apply.isEmpty()
                    ? Mono.just(List.<EventEnvelope>of())
                    : Mono.defer(() -> handler.apply(List.copyOf(apply))).thenReturn(List.copyOf(apply));
        }));
        return transactions.transactional(once);
    }

    /**
     * {@link #handleAll} for a batch listener ({@code @KafkaListener(batch = "true")}) on the records of one poll,
     * waiting at most the configured handler timeout, with the same outcome per record as {@link #handleAndWait}
     * record by record:
     *
     * <ul>
     *   <li>the records up to the first unreadable one (its value null, as the platform's deserializer leaves it) are
     *       applied together; the unreadable one is handed to the error handler, which dead-letters it at once;
     *   <li>when the batch fails, it is rolled back and applied again one record at a time, each in its own
     *       transaction, so the records before a failing one commit and the failing one alone is retried by the error
     *       handler (and dead-lettered after its retries), as a record listener's would be.
     * </ul>
     *
     * @throws BatchListenerFailedException naming the record the error handler is to retry or dead-letter; the
     *     records before it are done
     */
    public void handleRecordsAndWait(
            String consumer,
            List<ConsumerRecord<String, EventEnvelope>> records,
            Function<List<EventEnvelope>, Mono<Void>> handler) {
        requireName(consumer);
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(handler, "handler");
        int readable = 0;
        while (readable < records.size() && records.get(readable).value() != null) {
            readable++;
        }
        List<EventEnvelope> events = new ArrayList<>(readable);
        for (int index = 0; index < readable; index++) {
            events.add(records.get(index).value());
        }
        if (!events.isEmpty()) {
            try {
                handleAll(consumer, events, handler).block(handlerTimeout);
            } catch (RuntimeException batchFailed) {
                log.warn(
                        "{}: a batch of {} events failed ({}); applying them one at a time",
                        consumer,
                        events.size(),
                        batchFailed.toString());
                oneAtATime(consumer, records.subList(0, readable), handler);
            }
        }
        if (readable < records.size()) {
            ConsumerRecord<String, EventEnvelope> unreadable = records.get(readable);
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(
                    unreadable, KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            throw new BatchListenerFailedException(
                    "unreadable record at offset " + unreadable.offset() + " of " + unreadable.topic(),
                    cause != null ? cause : new IllegalStateException("record without a value"),
                    unreadable);
        }
    }

    private void oneAtATime(
            String consumer,
            List<ConsumerRecord<String, EventEnvelope>> records,
            Function<List<EventEnvelope>, Mono<Void>> handler) {
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            try {
                handleAndWait(consumer, record.value(), event -> handler.apply(List.of(event)));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(
                        consumer + ": event " + record.value().id() + " failed", failed, record);
            }
        }
    }

    /** Inserts the markers that are not there yet; the ids of those it inserted. */
    private Mono<Set<UUID>> mark(String consumer, List<EventEnvelope> events) {
        Mono<Set<UUID>> chain = Mono.just(new HashSet<>());
        for (int from = 0; from < events.size(); from += MARKS_PER_STATEMENT) {
            List<EventEnvelope> chunk = events.subList(from, Math.min(events.size(), from + MARKS_PER_STATEMENT));
            chain = chain.flatMap(
                    fresh -> markChunk(consumer, chunk).doOnNext(fresh::add).then(Mono.just(fresh)));
        }
        return chain;
    }

    private Flux<UUID> markChunk(String consumer, List<EventEnvelope> chunk) {
        StringBuilder sql = new StringBuilder(MARK_MANY_HEAD.length() + chunk.size() * 12).append(MARK_MANY_HEAD);
        for (int row = 0; row < chunk.size(); row++) {
            sql.append(row == 0 ? "" : ", ").append("($1, $").append(row + 2).append(')');
        }
        List<Object> values = new ArrayList<>(chunk.size() + 1);
        values.add(consumer);
        chunk.forEach(event -> values.add(Objects.requireNonNull(event, "event").id()));
        // One bindValues: each bind(index, value) copies every binding made before it.
        DatabaseClient.GenericExecuteSpec spec =
                database.sql(sql.append(MARK_MANY_TAIL).toString()).bindValues(values);
        return spec.map(row -> row.get(0, UUID.class)).all();
    }

    private static void requireName(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        if (consumer.isBlank() || consumer.length() > MAX_CONSUMER_LENGTH) {
            throw new IllegalArgumentException(
                    "consumer name must be 1 to " + MAX_CONSUMER_LENGTH + " characters: '" + consumer + "'");
        }
    }
}
