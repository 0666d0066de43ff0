package dev.tarsspeedy.identity;

import java.util.Objects;
import java.util.UUID;

/** A user's id: the {@code sub} of their access tokens. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
