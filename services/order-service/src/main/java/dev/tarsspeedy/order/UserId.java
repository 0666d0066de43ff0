package dev.tarsspeedy.order;

import java.util.Objects;
import java.util.UUID;

/** The id of a buyer. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
