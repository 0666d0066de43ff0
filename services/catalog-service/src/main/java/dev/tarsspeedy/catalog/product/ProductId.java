package dev.tarsspeedy.catalog.product;

import java.util.Objects;
import java.util.UUID;

/** A product's id. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId random() {
        return new ProductId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
