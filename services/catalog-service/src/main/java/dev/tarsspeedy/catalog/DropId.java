package dev.tarsspeedy.catalog;

import java.util.Objects;
import java.util.UUID;

/** A drop's id: the key of its {@code DropChanged} events and of its stock in the order service. */
public record DropId(UUID value) {

    public DropId {
        Objects.requireNonNull(value, "value");
    }

    public static DropId random() {
        return new DropId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
