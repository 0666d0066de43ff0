package dev.tarsspeedy.catalog.product;

/** What an operator enters to create a product (checked by the web layer: lengths, URL form). */
public record NewProduct(String name, String description, String imageUrl) {}
