package dev.tarsspeedy.identity.token;

import java.util.Objects;
import java.util.UUID;

/** A refresh token's id (the stored row; the token itself is an opaque secret). */
public record RefreshTokenId(UUID value) {

    public RefreshTokenId {
        Objects.requireNonNull(value, "value");
    }

    public static RefreshTokenId random() {
        return new RefreshTokenId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
