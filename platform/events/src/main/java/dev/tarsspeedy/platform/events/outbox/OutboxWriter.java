package dev.tarsspeedy.platform.events.outbox;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventJson;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.sql.MultiRowInsert;
import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox table inside the caller's reactive transaction, so the event is stored exactly when
 * the business change commits. The {@link OutboxRelay} publishes it afterwards.
 *
 * <pre>{@code
 * @Transactional
 * public Mono<Void> place(Order order) {
 *     return orders.save(order)
 *             .then(outbox.append(Topics.name("orders", "OrderPlaced", 1),
 *                     EventEnvelope.of("OrderPlaced", 1, order.id().toString(), OrderPlaced.from(order))));
 * }
 * }</pre>
 */
public final class OutboxWriter {

    private static final String INSERT = """
            insert into outbox_event (id, topic, event_key, type, version, occurred_at, payload)
            values (:id, :topic, :key, :type, :version, :occurredAt, :payload)
            """;

    private static final String INSERT_MANY_HEAD =
            "insert into outbox_event (id, topic, event_key, type, version, occurred_at, payload) values ";

    private final DatabaseClient database;
    private final TransactionalOperator mandatory;

    public OutboxWriter(DatabaseClient database, ReactiveTransactionManager transactionManager) {
        this.database = Objects.requireNonNull(database, "database");
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        // Written on its own, the event could commit without the change (or the other way round): refuse.
        definition.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        this.mandatory = TransactionalOperator.create(transactionManager, definition);
    }

    /**
     * Stores the event for publication to the topic, in the current transaction.
     *
     * @return completes when the row is written; fails with
     *     {@link org.springframework.transaction.IllegalTransactionStateException} outside a transaction
     */
    public Mono<Void> append(String topic, EventEnvelope event) {
        Topics.requireValid(topic);
        Objects.requireNonNull(event, "event");
        return mandatory.transactional(Mono.defer(() -> database.sql(INSERT)
                .bind("id", event.id())
                .bind("topic", topic)
                .bind("key", event.key())
                .bind("type", event.type())
                .bind("version", event.version())
                .bind("occurredAt", event.occurredAt())
                .bind("payload", Json.of(EventJson.mapper().writeValueAsBytes(event.payload())))
                .fetch()
                .rowsUpdated()
                .then()));
    }

    /**
     * Stores the events for publication to the topic, in the current transaction, with one multi-row insert per
     * {@value MultiRowInsert#ROWS_PER_STATEMENT} events instead of a statement per event (a job that requests
     * thousands of mails in one transaction spends its time in round trips otherwise). The relay publishes them in the
     * list's order.
     *
     * @return completes when every row is written; fails with
     *     {@link org.springframework.transaction.IllegalTransactionStateException} outside a transaction (even for an
     *     empty list, so a caller's missing transaction shows at once)
     */
    public Mono<Void> appendAll(String topic, List<EventEnvelope> events) {
        Topics.requireValid(topic);
        List<EventEnvelope> all = List.copyOf(Objects.requireNonNull(events, "events"));
        return mandatory.transactional(Mono.defer(() ->
                MultiRowInsert.insert(database, INSERT_MANY_HEAD, 7, all, (event, row) -> {
                    row.add(event.id());
                    row.add(topic);
                    row.add(event.key());
                    row.add(event.type());
                    row.add(event.version());
                    row.add(event.occurredAt());
                    row.add(Json.of(EventJson.mapper().writeValueAsBytes(event.payload())));
                })));
    }
}
