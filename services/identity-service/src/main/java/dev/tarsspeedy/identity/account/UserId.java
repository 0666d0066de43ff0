package dev.tarsspeedy.identity.account;

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

    /**
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
