package dev.tarsspeedy.notification.delivery.persistence;

import dev.tarsspeedy.notification.delivery.Claim;
import dev.tarsspeedy.notification.delivery.DeliveryLog;
import dev.tarsspeedy.notification.delivery.DeliveryPage;
import dev.tarsspeedy.notification.delivery.DeliveryRecord;
import dev.tarsspeedy.notification.delivery.DeliverySearch;
import dev.tarsspeedy.notification.delivery.DeliveryState;
import dev.tarsspeedy.notification.delivery.PendingDelivery;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The delivery log in PostgreSQL (table {@code email_delivery}, migration V1). Each method is one SQL statement, so
 * each state change is its own transaction and is durable when its {@link Mono} completes; row locks make two
 * claims of one key exclude each other. Times are the database's ({@code now()}), so instances with skewed clocks
 * agree on leases.
 */
@Repository
public class R2dbcDeliveryLog implements DeliveryLog {

    private static final String COLUMNS = """
            idempotency_key, template, recipient, locale, category, state, attempts, message_id, last_error, lease_until,
            received_at, sent_at, updated_at""";

    private static final String INSERT = """
            insert into email_delivery (idempotency_key, template, locale, recipient, category, state, message_id)
            values (:key, :template, :locale, :recipient, :category, 'RECEIVED', :messageId)
            on conflict (idempotency_key) do nothing
            """;

    private static final String SELECT = "select " + COLUMNS + " from email_delivery where idempotency_key = :key";

    /*
     * The row is locked first, so two claims of one key run one after the other; the second then sees SENDING with a
     * live lease and claims nothing. An expired lease means the claiming instance died or hung mid-send.
     */
    private static final String CLAIM = """
            with previous as (
                select idempotency_key, state, lease_until from email_delivery
                 where idempotency_key = :key
                   for update
            )
            update email_delivery d
               set state = 'SENDING',
                   attempts = d.attempts + 1,
                   lease_until = now() + make_interval(secs => :leaseSeconds),
                   sending_at = now(),
                   updated_at = now()
              from previous p
             where d.idempotency_key = p.idempotency_key
               and (p.state in ('RECEIVED', 'FAILED', 'DEAD_LETTERED')
                    or (p.state = 'SENDING' and p.lease_until < now()))
            returning p.state as previous_state, d.idempotency_key, d.template, d.recipient, d.locale, d.category,
                      d.state, d.attempts, d.message_id, d.last_error, d.lease_until, d.received_at, d.sent_at, d.updated_at
            """;

    private static final String MARK_SENT = """
            update email_delivery
               set state = 'SENT', sent_at = now(), lease_until = null, last_error = null, updated_at = now()
             where idempotency_key = :key
            """;

    private static final String MARK_FAILED = """
            update email_delivery
               set state = 'FAILED', last_error = :error, lease_until = null, updated_at = now()
             where idempotency_key = :key and state <> 'SENT'
            """;

    private static final String MARK_DEAD_LETTERED = """
            insert into email_delivery
                   (idempotency_key, template, locale, recipient, category, state, message_id, last_error)
            values (:key, :template, :locale, :recipient, :category, 'DEAD_LETTERED', :messageId, :error)
            on conflict (idempotency_key) do update
               set state = 'DEAD_LETTERED', last_error = excluded.last_error, lease_until = null, updated_at = now()
             where email_delivery.state <> 'SENT'
            """;

    private static final String DELETE_FINISHED = """
            delete from email_delivery
             where state in ('SENT', 'DEAD_LETTERED') and updated_at < now() - make_interval(secs => :seconds)
            """;

    private final DatabaseClient database;

    public R2dbcDeliveryLog(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<DeliveryRecord> open(PendingDelivery delivery) {
        return database.sql(INSERT)
                .bind("key", delivery.idempotencyKey())
                .bind("template", delivery.template())
                .bind("locale", delivery.locale())
                .bind("recipient", delivery.recipient())
                .bind("category", delivery.category())
                .bind("messageId", delivery.messageId())
                .fetch()
                .rowsUpdated()
                .then(select(delivery.idempotencyKey()))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "delivery log row for '" + delivery.idempotencyKey() + "' vanished after insert")));
    }

    @Override
    public Mono<Claim> claim(String idempotencyKey, Duration lease) {
        return database.sql(CLAIM)
                .bind("key", idempotencyKey)
                .bind("leaseSeconds", lease.toMillis() / 1000.0)
                .map(row -> {
                    DeliveryRecord record = record(row);
                    return new Claim(
                            true,
                            DeliveryState.valueOf(row.get("previous_state", String.class)),
                            record.attempts(),
                            record);
                })
                .one()
                .switchIfEmpty(Mono.defer(() -> select(idempotencyKey)
                        .map(current -> new Claim(false, current.state(), current.attempts(), current))))
                .switchIfEmpty(Mono.error(
                        () -> new IllegalStateException("no delivery log row for '" + idempotencyKey + "' to claim")));
    }

    @Override
    public Mono<Void> markSent(String idempotencyKey) {
        return update(MARK_SENT, idempotencyKey, null);
    }

    @Override
    public Mono<Void> markFailed(String idempotencyKey, String error) {
        return update(MARK_FAILED, idempotencyKey, error);
    }

    @Override
    public Mono<Void> markDeadLettered(PendingDelivery delivery, String error) {
        return database.sql(MARK_DEAD_LETTERED)
                .bind("key", delivery.idempotencyKey())
                .bind("template", delivery.template())
                .bind("locale", delivery.locale())
                .bind("recipient", delivery.recipient())
                .bind("category", delivery.category())
                .bind("messageId", delivery.messageId())
                .bind("error", error)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Optional<DeliveryRecord>> find(String idempotencyKey) {
        return select(idempotencyKey).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /*
     * Only the filters given take part: the planner then uses the index that fits (migration V2: by received_at, and by
     * lower(recipient) and received_at). The count is a second statement; a row arriving between the two may make the
     * total one off, which an operator's page can live with.
     */
    @Override
    public Mono<DeliveryPage> search(DeliverySearch search) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (search.recipient() != null) {
            conditions.add("lower(recipient) = lower(:recipient)");
            values.put("recipient", search.recipient());
        }
        if (search.template() != null) {
            conditions.add("template = :template");
            values.put("template", search.template());
        }
        if (search.state() != null) {
            conditions.add("state = :state");
            values.put("state", search.state().name());
        }
        if (search.from() != null) {
            conditions.add("received_at >= :from");
            values.put("from", search.from());
        }
        if (search.to() != null) {
            conditions.add("received_at < :to");
            values.put("to", search.to());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        DatabaseClient.GenericExecuteSpec rows = bindAll(
                        database.sql("select " + COLUMNS + " from email_delivery" + where
                                + " order by received_at desc, idempotency_key limit :limit offset :offset"),
                        values)
                .bind("limit", search.size())
                .bind("offset", (long) search.page() * search.size());
        Mono<Long> total = bindAll(database.sql("select count(*) as total from email_delivery" + where), values)
                .map(row -> row.get("total", Long.class))
                .one();
        return rows.map(R2dbcDeliveryLog::record)
                .all()
                .collectList()
                .zipWith(total)
                .map(found -> new DeliveryPage(found.getT1(), search.page(), search.size(), found.getT2()));
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(
            DatabaseClient.GenericExecuteSpec statement, Map<String, Object> values) {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            statement = statement.bind(value.getKey(), value.getValue());
        }
        return statement;
    }

    @Override
    public Mono<Long> deleteFinishedBefore(Duration retention) {
        return database.sql(DELETE_FINISHED)
                .bind("seconds", retention.toMillis() / 1000.0)
                .fetch()
                .rowsUpdated();
    }

    private Mono<DeliveryRecord> select(String idempotencyKey) {
        return database.sql(SELECT)
                .bind("key", idempotencyKey)
                .map(R2dbcDeliveryLog::record)
                .one();
    }

    private Mono<Void> update(String sql, String idempotencyKey, String error) {
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql).bind("key", idempotencyKey);
        if (error != null) {
            statement = statement.bind("error", error);
        }
        return statement.fetch().rowsUpdated().then();
    }

    private static DeliveryRecord record(Readable row) {
        Integer attempts = row.get("attempts", Integer.class);
        return new DeliveryRecord(
                row.get("idempotency_key", String.class),
                row.get("template", String.class),
                row.get("recipient", String.class),
                row.get("locale", String.class),
                row.get("category", String.class),
                DeliveryState.valueOf(row.get("state", String.class)),
                attempts == null ? 0 : attempts,
                row.get("message_id", String.class),
                row.get("last_error", String.class),
                row.get("lease_until", Instant.class),
                row.get("received_at", Instant.class),
                row.get("sent_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
