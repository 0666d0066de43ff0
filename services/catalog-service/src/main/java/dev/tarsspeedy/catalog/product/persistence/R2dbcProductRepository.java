package dev.tarsspeedy.catalog.product.persistence;

import dev.tarsspeedy.catalog.product.Product;
import dev.tarsspeedy.catalog.product.ProductId;
import dev.tarsspeedy.catalog.product.ProductRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Products in {@code product}. */
@Repository
class R2dbcProductRepository implements ProductRepository {

    private static final String COLUMNS = "id, name, description, image_url, created_at";

    private final DatabaseClient database;

    R2dbcProductRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(Product product) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("insert into product (" + COLUMNS + ") values (:id,"
                        + " :name, :description, :imageUrl, :createdAt)")
                .bind("id", product.id().value())
                .bind("name", product.name())
                .bind("description", product.description())
                .bind("createdAt", product.createdAt());
        insert = product.imageUrl() == null
                ? insert.bindNull("imageUrl", String.class)
                : insert.bind("imageUrl", product.imageUrl());
        return insert.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Product> findById(ProductId id) {
        return database.sql("select " + COLUMNS + " from product where id = :id")
                .bind("id", id.value())
                .map(R2dbcProductRepository::product)
                .one();
    }

    @Override
    public Flux<Product> findAllById(Collection<ProductId> ids) {
        UUID[] values = ids.stream().map(ProductId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from product where id = any(:ids)")
                .bind("ids", values)
                .map(R2dbcProductRepository::product)
                .all();
    }

    private static Product product(Readable row) {
        return new Product(
                new ProductId(row.get("id", UUID.class)),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("image_url", String.class),
                row.get("created_at", Instant.class));
    }
}
