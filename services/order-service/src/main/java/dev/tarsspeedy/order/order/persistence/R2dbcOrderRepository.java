package dev.tarsspeedy.order.order.persistence;

import dev.tarsspeedy.order.ids.DropId;
import dev.tarsspeedy.order.ids.OrderId;
import dev.tarsspeedy.order.ids.UserId;
import dev.tarsspeedy.order.order.Order;
import dev.tarsspeedy.order.order.OrderRepository;
import dev.tarsspeedy.order.order.OrderStatus;
import dev.tarsspeedy.order.order.SaleTerms;
import dev.tarsspeedy.order.order.StatusChange;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcOrderRepository implements OrderRepository {

    private static final String COLUMNS = "id, drop_id, user_id, quantity, amount, product_name, status,"
            + " idempotency_key, reserved_at, expires_at, created_at";

    /** The statuses that hold units. */
    private static final java.util.List<String> LIVE = java.util.Arrays.stream(OrderStatus.values())
            .filter(OrderStatus::holdsStock)
            .map(OrderStatus::name)
            .toList();

    private final DatabaseClient database;

    R2dbcOrderRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> exists(OrderId id) {
        return database.sql("select 1 from customer_order where id = :id")
                .bind("id", id.value())
                .map(row -> 1)
                .first()
                .hasElement();
    }

    @Override
    public Mono<SaleTerms> terms(DropId drop) {
        return database.sql("select price, product_name from sale where id = :id")
                .bind("id", drop.value())
                .map(row -> new SaleTerms(row.get("price", Long.class), row.get("product_name", String.class)))
                .one();
    }

    @Override
    public Mono<Boolean> takeUnits(DropId drop, UserId buyer, int quantity) {
        return database.sql("""
                        update sale set sold = sold + :q
                        where id = :id and sold + :q <= quantity
                          and :q + (select coalesce(sum(o.quantity), 0) from customer_order o
                                    where o.drop_id = :id and o.user_id = :user and o.status in (:live))
                              <= per_user_limit
                        """)
                .bind("q", quantity)
                .bind("id", drop.value())
                .bind("user", buyer.value())
                .bind("live", LIVE)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
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
    public Mono<Void> insert(Order order) {
        return database.sql("""
                        insert into customer_order (id, drop_id, user_id, quantity, amount, product_name, status,
                                                    idempotency_key, reserved_at, expires_at, created_at)
                        values (:id, :drop, :user, :quantity, :amount, :productName, :status, :key, :reservedAt,
                                :expiresAt, :createdAt)
                        """)
                .bind("id", order.id().value())
                .bind("drop", order.dropId().value())
                .bind("user", order.userId().value())
                .bind("quantity", order.quantity())
                .bind("amount", order.amount())
                .bind("productName", order.productName())
                .bind("status", order.status().name())
                .bind("key", order.idempotencyKey())
                .bind("reservedAt", at(order.reservedAt()))
                .bind("expiresAt", at(order.expiresAt()))
                .bind("createdAt", at(order.createdAt()))
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> addHistory(OrderId id, OrderStatus status, Instant at) {
        return database.sql("insert into order_status_history (order_id, status, at) values (:id, :status, :at)")
                .bind("id", id.value())
                .bind("status", status.name())
                .bind("at", at(at))
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Order> transition(OrderId id, OrderStatus from, OrderStatus to, Instant dueBy) {
        String sql = "update customer_order set status = :to, updated_at = clock_timestamp()"
                + " where id = :id and status = :from" + (dueBy == null ? "" : " and expires_at <= :dueBy")
                + " returning " + COLUMNS;
        DatabaseClient.GenericExecuteSpec spec =
                database.sql(sql).bind("to", to.name()).bind("id", id.value()).bind("from", from.name());
        if (dueBy != null) {
            spec = spec.bind("dueBy", at(dueBy));
        }
        return spec.map(R2dbcOrderRepository::order).one();
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
                        OrderStatus.valueOf(row.get("status", String.class)),
                        row.get("at", OffsetDateTime.class).toInstant()))
                .all();
    }

    @Override
    public Flux<Order> byUser(UserId user, long offset, int limit) {
        return database.sql("select " + COLUMNS + " from customer_order where user_id = :user"
                        + " order by created_at desc, id desc limit :limit offset :offset")
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
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
