package dev.tarsspeedy.order.lifecycle.persistence;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.lifecycle.DropStock;
import dev.tarsspeedy.order.lifecycle.Order;
import dev.tarsspeedy.order.lifecycle.OrderRepository;
import dev.tarsspeedy.order.lifecycle.OrderStatus;
import dev.tarsspeedy.order.lifecycle.RefundReason;
import dev.tarsspeedy.order.lifecycle.SaleTerms;
import dev.tarsspeedy.order.lifecycle.StatusChange;
import dev.tarsspeedy.platform.events.sql.MultiRowInsert;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcOrderRepository implements OrderRepository {

    private static final String COLUMNS = "id, drop_id, user_id, quantity, amount, product_name, status,"
            + " idempotency_key, reserved_at, expires_at, created_at, buyer_email, locale, payment_id, paid_at,"
            + " delivered_at, refunded_at, status_changed_at";

    /** The statuses that hold units. */
    private static final List<String> LIVE = java.util.Arrays.stream(OrderStatus.values())
            .filter(OrderStatus::holdsStock)
            .map(OrderStatus::name)
            .toList();

    private static final String INSERT_ORDERS = "insert into customer_order (id, drop_id, user_id, quantity, amount,"
            + " product_name, status, idempotency_key, reserved_at, expires_at, created_at, buyer_email, locale,"
            + " status_changed_at) values ";
    private static final String INSERT_HISTORY = "insert into order_status_history (order_id, status, at) values ";
    private final DatabaseClient database;

    R2dbcOrderRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Set<OrderId>> existing(Collection<OrderId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Set.of());
        }
        return database.sql("select id from customer_order where id in (:ids)")
                .bind("ids", ids.stream().map(OrderId::value).toList())
                .map(row -> OrderId.of(row.get("id", UUID.class)))
                .all()
                .collect(Collectors.toSet());
    }

    @Override
    public Mono<DropStock> lockStock(DropId drop, Collection<UserId> buyers) {
        Mono<Map<UserId, Integer>> live = buyers.isEmpty()
                ? Mono.just(Map.of())
                : database.sql("""
                                select user_id, sum(quantity) as units from customer_order
                                where drop_id = :id and user_id in (:users) and status in (:live)
                                group by user_id
                                """)
                        .bind("id", drop.value())
                        .bind("users", buyers.stream().map(UserId::value).toList())
                        .bind("live", LIVE)
                        .map(row -> Map.entry(
                                UserId.of(row.get("user_id", UUID.class)),
                                Math.toIntExact(row.get("units", Long.class))))
                        .all()
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        // The row first: its lock makes the buyers' units below settled for this transaction's decisions.
        return database.sql("select price, product_name, quantity, per_user_limit, sold from sale where id = :id"
                        + " for update")
                .bind("id", drop.value())
                .map(row -> new SaleRow(
                        new SaleTerms(row.get("price", Long.class), row.get("product_name", String.class)),
                        row.get("quantity", Integer.class),
                        row.get("per_user_limit", Integer.class),
                        row.get("sold", Integer.class)))
                .one()
                .flatMap(sale -> live.map(units ->
                        new DropStock(sale.terms(), sale.quantity(), sale.perUserLimit(), sale.sold(), units)));
    }

    private record SaleRow(SaleTerms terms, int quantity, int perUserLimit, int sold) {}

    @Override
    public Mono<Void> addSold(DropId drop, int units) {
        return database.sql("update sale set sold = sold + :q where id = :id")
                .bind("q", units)
                .bind("id", drop.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> giveBackUnits(DropId drop, int quantity) {
        return database.sql("update sale set sold = greatest(0, sold - :q) where id = :id")
                .bind("q", quantity)
                .bind("id", drop.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> insertAll(List<Order> orders) {
        return MultiRowInsert.insert(database, INSERT_ORDERS, 14, orders, (order, row) -> {
                    row.add(order.id().value());
                    row.add(order.dropId().value());
                    row.add(order.userId().value());
                    row.add(order.quantity());
                    row.add(order.amount());
                    row.add(order.productName());
                    row.add(order.status().name());
                    row.add(order.idempotencyKey());
                    row.add(at(order.reservedAt()));
                    row.add(at(order.expiresAt()));
                    row.add(at(order.createdAt()));
                    row.add(order.buyerEmail() == null ? Parameters.in(String.class) : order.buyerEmail());
                    row.add(order.locale());
                    row.add(at(order.createdAt()));
                })
                .then(MultiRowInsert.insert(database, INSERT_HISTORY, 3, orders, (order, row) -> {
                    row.add(order.id().value());
                    row.add(order.status().name());
                    row.add(at(order.createdAt()));
                }));
    }

    @Override
    public Mono<Void> addHistory(OrderId id, OrderStatus status, Instant at) {
        return addHistory(id, status.name(), at);
    }

    @Override
    public Mono<Void> addHistory(OrderId id, String status, Instant at) {
        return database.sql("insert into order_status_history (order_id, status, at) values (:id, :status, :at)")
                .bind("id", id.value())
                .bind("status", status)
                .bind("at", at(at))
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Order> update(Order changed, OrderStatus from) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        update customer_order set status = :to, status_changed_at = :changedAt,
                                                  payment_id = :payment, paid_at = :paidAt,
                                                  delivered_at = :deliveredAt, updated_at = clock_timestamp()
                        where id = :id and status = :from
                        """ + " returning " + COLUMNS)
                .bind("to", changed.status().name())
                .bind("changedAt", at(changed.statusChangedAt()))
                .bind("id", changed.id().value())
                .bind("from", from.name());
        spec = changed.paymentId() == null
                ? spec.bindNull("payment", UUID.class)
                : spec.bind("payment", changed.paymentId());
        spec = changed.paidAt() == null
                ? spec.bindNull("paidAt", OffsetDateTime.class)
                : spec.bind("paidAt", at(changed.paidAt()));
        spec = changed.deliveredAt() == null
                ? spec.bindNull("deliveredAt", OffsetDateTime.class)
                : spec.bind("deliveredAt", at(changed.deliveredAt()));
        return spec.map(R2dbcOrderRepository::order).one();
    }

    @Override
    public Mono<Order> markRefunded(OrderId id, Instant refundedAt) {
        return database.sql("update customer_order set refunded_at = :at, updated_at = clock_timestamp()"
                        + " where id = :id and refunded_at is null returning " + COLUMNS)
                .bind("at", at(refundedAt))
                .bind("id", id.value())
                .map(R2dbcOrderRepository::order)
                .one();
    }

    @Override
    public Mono<Boolean> recordRefundRequest(OrderId id, UUID paymentId, RefundReason reason, Instant at) {
        return database.sql("insert into refund_request (payment_id, order_id, reason, requested_at)"
                        + " values (:payment, :id, :reason, :at) on conflict do nothing")
                .bind("payment", paymentId)
                .bind("id", id.value())
                .bind("reason", reason.name())
                .bind("at", at(at))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Flux<OrderId> inStatusSince(OrderStatus status, Instant changedBy, int limit) {
        return database.sql("select id from customer_order where status = :status and status_changed_at <= :by"
                        + " order by status_changed_at limit :limit")
                .bind("status", status.name())
                .bind("by", at(changedBy))
                .bind("limit", limit)
                .map(row -> OrderId.of(row.get("id", UUID.class)))
                .all();
    }

    @Override
    public Mono<Order> find(OrderId id) {
        return database.sql("select " + COLUMNS + " from customer_order where id = :id")
                .bind("id", id.value())
                .map(R2dbcOrderRepository::order)
                .one();
    }

    @Override
    public Flux<StatusChange> history(OrderId id) {
        return database.sql("select status, at from order_status_history where order_id = :id order by at, id")
                .bind("id", id.value())
                .map(row -> new StatusChange(
                        row.get("status", String.class),
                        row.get("at", OffsetDateTime.class).toInstant()))
                .all();
    }

    @Override
    public Flux<Order> byUser(UserId user, long offset, int limit) {
        // The orders of one stored batch share created_at: among those, the later reservation is the newer order.
        return database.sql("select " + COLUMNS + " from customer_order where user_id = :user"
                        + " order by created_at desc, reserved_at desc, id desc limit :limit offset :offset")
                .bind("user", user.value())
                .bind("limit", limit)
                .bind("offset", offset)
                .map(R2dbcOrderRepository::order)
                .all();
    }

    @Override
    public Mono<Long> countByUser(UserId user) {
        return database.sql("select count(*) from customer_order where user_id = :user")
                .bind("user", user.value())
                .map(row -> row.get(0, Long.class))
                .one();
    }

    @Override
    public Flux<OrderId> dueForExpiry(Instant now, int limit) {
        return database.sql("select id from customer_order where status = 'PENDING_PAYMENT' and expires_at <= :now"
                        + " order by expires_at limit :limit")
                .bind("now", at(now))
                .bind("limit", limit)
                .map(row -> OrderId.of(row.get("id", UUID.class)))
                .all();
    }

    @Override
    public Flux<Order> byDrop(DropId drop) {
        return database.sql("select " + COLUMNS + " from customer_order where drop_id = :drop")
                .bind("drop", drop.value())
                .map(R2dbcOrderRepository::order)
                .all();
    }

    private static Order order(Readable row) {
        return new Order(
                OrderId.of(row.get("id", UUID.class)),
                DropId.of(row.get("drop_id", UUID.class)),
                UserId.of(row.get("user_id", UUID.class)),
                row.get("quantity", Integer.class),
                row.get("amount", Long.class),
                row.get("product_name", String.class),
                OrderStatus.valueOf(row.get("status", String.class)),
                row.get("idempotency_key", String.class),
                row.get("reserved_at", OffsetDateTime.class).toInstant(),
                row.get("expires_at", OffsetDateTime.class).toInstant(),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("buyer_email", String.class),
                row.get("locale", String.class),
                row.get("payment_id", UUID.class),
                instant(row.get("paid_at", OffsetDateTime.class)),
                instant(row.get("delivered_at", OffsetDateTime.class)),
                instant(row.get("refunded_at", OffsetDateTime.class)),
                row.get("status_changed_at", OffsetDateTime.class).toInstant());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
