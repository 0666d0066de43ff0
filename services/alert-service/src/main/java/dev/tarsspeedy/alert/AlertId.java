package dev.tarsspeedy.alert;

import java.util.Objects;
import java.util.UUID;

/** A price alert's id. */
public record AlertId(UUID value) {

    public AlertId {
        Objects.requireNonNull(value, "value");
    }

    public static AlertId of(String text) {
        return new AlertId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
