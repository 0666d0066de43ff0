package dev.tarsspeedy.payment;

import java.util.Objects;
import java.util.UUID;

/** A buyer's id: the subject of their access token. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /** The bare UUID's text, so logs, keys and URLs read as before. */
    @Override
    public String toString() {
        return value.toString();
    }
}
