package dev.tarsspeedy.catalog.product.web;

import dev.tarsspeedy.catalog.product.Product;
import java.time.Instant;
import java.util.UUID;

/** A product as the API shows it. */
record ProductResponse(UUID id, String name, String description, String imageUrl, Instant createdAt) {

    static ProductResponse of(Product product) {
        return new ProductResponse(
                product.id().value(), product.name(), product.description(), product.imageUrl(), product.createdAt());
    }
}
