package dev.tarsspeedy.platform.events.outbox;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventJson;
import dev.tarsspeedy.platform.events.Topics;
import io.r2dbc.postgresql.codec.Json;
import java.util.ArrayList;
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
    /** Rows per multi-row insert: 7 parameters each, far below PostgreSQL's 65,535 bind parameters per statement. */
    static final int ROWS_PER_STATEMENT = 500;

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
     * {@value #ROWS_PER_STATEMENT} events instead of a statement per event (a job that requests thousands of mails in
     * one transaction spends its time in round trips otherwise). The relay publishes them in the list's order.
     *
     * @return completes when every row is written; fails with
     *     {@link org.springframework.transaction.IllegalTransactionStateException} outside a transaction (even for an
     *     empty list, so a caller's missing transaction shows at once)
     */
    public Mono<Void> appendAll(String topic, List<EventEnvelope> events) {
        Topics.requireValid(topic);
        List<EventEnvelope> all = List.copyOf(Objects.requireNonNull(events, "events"));
        return mandatory.transactional(Mono.defer(() -> {
            Mono<Void> chain = Mono.empty();
            for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
                List<EventEnvelope> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
                chain = chain.then(Mono.defer(() -> insert(topic, chunk)));
            }
            return chain;
        }));
    }

    private Mono<Void> insert(String topic, List<EventEnvelope> chunk) {
        StringBuilder sql = new StringBuilder(INSERT_MANY_HEAD.length() + chunk.size() * 40).append(INSERT_MANY_HEAD);
        for (int row = 0; row < chunk.size(); row++) {
            int p = row * 7;
            sql.append(row == 0 ? "" : ", ")
                    .append("($")
                    .append(p + 1)
                    .append(", $")
                    .append(p + 2)
                    .append(", $")
                    .append(p + 3)
                    .append(", $")
                    .append(p + 4)
                    .append(", $")
                    .append(p + 5)
                    .append(", $")
                    .append(p + 6)
                    .append(", $")
                    .append(p + 7)
                    .append(')');
        }
        // One bindValues: each bind(index, value) copies every binding made before it (quadratic in the rows).
        List<Object> values = new ArrayList<>(chunk.size() * 7);
        for (EventEnvelope event : chunk) {
            Objects.requireNonNull(event, "event");
            values.add(event.id());
            values.add(topic);
            values.add(event.key());
            values.add(event.type());
            values.add(event.version());
            values.add(event.occurredAt());
            values.add(Json.of(EventJson.mapper().writeValueAsBytes(event.payload())));
        }
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString()).bindValues(values);
        return spec.fetch().rowsUpdated().then();
    }
}
