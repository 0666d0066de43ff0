package dev.tarsspeedy.catalog;

import java.util.Objects;
import java.util.UUID;

/** A shopper's id: the {@code sub} of their access token. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
