package dev.tarsspeedy.order;

import java.util.Objects;
import java.util.UUID;

/** The id of a order. */
public record OrderId(UUID value) {

    /** A new random id: a reservation gets its order id before the buy script runs. */
    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static OrderId parse(String text) {
        return new OrderId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
