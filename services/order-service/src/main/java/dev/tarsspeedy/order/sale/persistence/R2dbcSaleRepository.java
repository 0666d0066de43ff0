package dev.tarsspeedy.order.sale.persistence;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.SaleRepository;
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
class R2dbcSaleRepository implements SaleRepository {

    private static final String COLUMNS =
            "id, revision, product_id, product_name, price, quantity, per_user_limit, opens_at, closes_at, closed_at";

    private static final String UPSERT = """
            insert into sale (id, revision, product_id, product_name, price, quantity, per_user_limit, opens_at,
                              closes_at, closed_at)
            values (:id, :revision, :productId, :productName, :price, :quantity, :limit, :opensAt, :closesAt, :closedAt)
            on conflict (id) do update set
                revision = excluded.revision, product_id = excluded.product_id,
                product_name = excluded.product_name, price = excluded.price, quantity = excluded.quantity,
                per_user_limit = excluded.per_user_limit, opens_at = excluded.opens_at,
                closes_at = excluded.closes_at, closed_at = excluded.closed_at, updated_at = clock_timestamp()
            where sale.revision < excluded.revision
            """;

    private final DatabaseClient database;

    R2dbcSaleRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> saveIfNewer(Drop drop) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(UPSERT)
                .bind("id", drop.id().value())
                .bind("revision", drop.revision())
                .bind("productId", drop.productId())
                .bind("productName", drop.productName())
                .bind("price", drop.price())
                .bind("quantity", drop.quantity())
                .bind("limit", drop.perUserLimit())
                .bind("opensAt", at(drop.opensAt()))
                .bind("closesAt", at(drop.closesAt()));
        spec = drop.closedAt() == null
                ? spec.bindNull("closedAt", OffsetDateTime.class)
                : spec.bind("closedAt", at(drop.closedAt()));
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Drop> find(DropId id) {
        return database.sql("select " + COLUMNS + " from sale where id = :id")
                .bind("id", id.value())
                .map(R2dbcSaleRepository::drop)
                .one();
    }

    @Override
    public Flux<Drop> notEndedBefore(Instant endedAfter) {
        return database.sql("select " + COLUMNS + " from sale where coalesce(least(closed_at, closes_at), closes_at)"
                        + " >= :after")
                .bind("after", at(endedAfter))
                .map(R2dbcSaleRepository::drop)
                .all();
    }

    @Override
    public Mono<Integer> sold(DropId id) {
        return database.sql("select sold from sale where id = :id")
                .bind("id", id.value())
                .map(row -> row.get(0, Integer.class))
                .one();
    }

    static Drop drop(Readable row) {
        OffsetDateTime closedAt = row.get("closed_at", OffsetDateTime.class);
        return new Drop(
                DropId.of(row.get("id", UUID.class)),
                row.get("revision", Long.class),
                row.get("product_id", UUID.class),
                row.get("product_name", String.class),
                row.get("price", Long.class),
                row.get("quantity", Integer.class),
                row.get("per_user_limit", Integer.class),
                row.get("opens_at", OffsetDateTime.class).toInstant(),
                row.get("closes_at", OffsetDateTime.class).toInstant(),
                closedAt == null ? null : closedAt.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
