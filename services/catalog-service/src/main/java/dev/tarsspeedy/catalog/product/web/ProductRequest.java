package dev.tarsspeedy.catalog.product.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/admin/products}. */
record ProductRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 5000) String description,

        @Size(max = 2048) @Pattern(regexp = "https?://[^\\s]+", message = "must be an absolute http(s) URL")
        String imageUrl) {}
