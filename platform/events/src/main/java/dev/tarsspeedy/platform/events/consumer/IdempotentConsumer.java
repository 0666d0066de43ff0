package dev.tarsspeedy.platform.events.consumer;

import dev.tarsspeedy.platform.events.EventEnvelope;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
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
 */
public final class IdempotentConsumer {

    private static final String MARK = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing
            """;
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

    private static void requireName(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        if (consumer.isBlank() || consumer.length() > MAX_CONSUMER_LENGTH) {
            throw new IllegalArgumentException(
                    "consumer name must be 1 to " + MAX_CONSUMER_LENGTH + " characters: '" + consumer + "'");
        }
    }
}
