package dev.tarsspeedy.catalog.product;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Something operators put on sale in drops.
 *
 * @param imageUrl an absolute http(s) URL of its picture, or {@code null}
 */
public record Product(ProductId id, String name, String description, String imageUrl, Instant createdAt) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
    }
}
