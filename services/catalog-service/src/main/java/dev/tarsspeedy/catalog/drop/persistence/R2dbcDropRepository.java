package dev.tarsspeedy.catalog.drop.persistence;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.drop.Drop;
import dev.tarsspeedy.catalog.drop.DropRepository;
import dev.tarsspeedy.catalog.drop.DropTerms;
import dev.tarsspeedy.catalog.drop.DropWindow;
import dev.tarsspeedy.catalog.product.ProductId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Drops in {@code catalog_drop} ({@code drop} is an SQL keyword). */
@Repository
class R2dbcDropRepository implements DropRepository {

    private static final String COLUMNS = "id, product_id, price, quantity, per_user_limit, opens_at, closes_at,"
            + " closed_at, revision, created_at, updated_at";

    private final DatabaseClient database;

    R2dbcDropRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(Drop drop) {
        return database.sql("insert into catalog_drop (" + COLUMNS + ") values (:id, :productId, :price, :quantity,"
                        + " :perUserLimit, :opensAt, :closesAt, null, :revision, :createdAt, :updatedAt)")
                .bind("id", drop.id().value())
                .bind("productId", drop.productId().value())
                .bind("price", drop.terms().price())
                .bind("quantity", drop.terms().quantity())
                .bind("perUserLimit", drop.terms().perUserLimit())
                .bind("opensAt", drop.terms().opensAt())
                .bind("closesAt", drop.terms().closesAt())
                .bind("revision", drop.revision())
                .bind("createdAt", drop.createdAt())
                .bind("updatedAt", drop.updatedAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Drop> findById(DropId id) {
        return database.sql("select " + COLUMNS + " from catalog_drop where id = :id")
                .bind("id", id.value())
                .map(R2dbcDropRepository::drop)
                .one();
    }

    @Override
    public Mono<Drop> findByIdForUpdate(DropId id) {
        return database.sql("select " + COLUMNS + " from catalog_drop where id = :id for update")
                .bind("id", id.value())
                .map(R2dbcDropRepository::drop)
                .one();
    }

    @Override
    public Mono<Void> update(Drop drop) {
        DatabaseClient.GenericExecuteSpec update = database.sql("update catalog_drop set price = :price,"
                        + " quantity = :quantity, per_user_limit = :perUserLimit, opens_at = :opensAt,"
                        + " closes_at = :closesAt, closed_at = :closedAt, revision = :revision,"
                        + " updated_at = :updatedAt where id = :id and revision = :previous")
                .bind("id", drop.id().value())
                .bind("price", drop.terms().price())
                .bind("quantity", drop.terms().quantity())
                .bind("perUserLimit", drop.terms().perUserLimit())
                .bind("opensAt", drop.terms().opensAt())
                .bind("closesAt", drop.terms().closesAt())
                .bind("revision", drop.revision())
                .bind("previous", drop.revision() - 1)
                .bind("updatedAt", drop.updatedAt());
        update = drop.closedAt() == null
                ? update.bindNull("closedAt", Instant.class)
                : update.bind("closedAt", drop.closedAt());
        return update.fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new OptimisticLockingFailureException(
                                "drop " + drop.id() + " is not at revision " + (drop.revision() - 1))));
    }

    @Override
    public Flux<Drop> findAllById(Collection<DropId> ids) {
        UUID[] values = ids.stream().map(DropId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from catalog_drop where id = any(:ids)")
                .bind("ids", values)
                .map(R2dbcDropRepository::drop)
                .all();
    }

    @Override
    public Flux<Drop> find(DropWindow window, Instant now, long offset, int limit) {
        return database.sql("select " + COLUMNS + " from catalog_drop where " + condition(window)
                        + " order by opens_at, id offset :offset limit :limit")
                .bind("now", now)
                .bind("offset", offset)
                .bind("limit", limit)
                .map(R2dbcDropRepository::drop)
                .all();
    }

    @Override
    public Mono<Long> count(DropWindow window, Instant now) {
        return database.sql("select count(*) from catalog_drop where " + condition(window))
                .bind("now", now)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** Each condition names {@code :now}, so every query binds it. */
    private static String condition(DropWindow window) {
        return switch (window) {
            case ALL -> "cast(:now as timestamptz) is not null";
            case UPCOMING -> "closed_at is null and opens_at > :now";
            case LIVE -> "closed_at is null and opens_at <= :now and closes_at > :now";
            case CLOSED -> "(closed_at is not null or closes_at <= :now)";
        };
    }

    private static Drop drop(Readable row) {
        return new Drop(
                new DropId(row.get("id", UUID.class)),
                new ProductId(row.get("product_id", UUID.class)),
                new DropTerms(
                        row.get("price", Long.class),
                        row.get("quantity", Integer.class),
                        row.get("per_user_limit", Integer.class),
                        row.get("opens_at", Instant.class),
                        row.get("closes_at", Instant.class)),
                row.get("closed_at", Instant.class),
                row.get("revision", Long.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
