package dev.tarsspeedy.order;

import java.util.Objects;
import java.util.UUID;

/** The id of a drop. */
public record DropId(UUID value) {

    public DropId {
        Objects.requireNonNull(value, "value");
    }

    public static DropId of(UUID value) {
        return new DropId(value);
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static DropId parse(String text) {
        return new DropId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
