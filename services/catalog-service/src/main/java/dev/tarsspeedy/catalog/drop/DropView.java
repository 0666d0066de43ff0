package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.product.Product;

/**
 * A drop as shoppers see it.
 *
 * @param remaining units left, {@code null} when unknown (the order service did not answer and the sale has started)
 */
public record DropView(Drop drop, Product product, Integer remaining, DropStatus status) {}
