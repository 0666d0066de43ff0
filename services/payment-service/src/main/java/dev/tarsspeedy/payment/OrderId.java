package dev.tarsspeedy.payment;

import java.util.Objects;
import java.util.UUID;

/** An order's id, as the order service gave it. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    /** The bare UUID's text, so logs, keys and URLs read as before. */
    @Override
    public String toString() {
        return value.toString();
    }
}
