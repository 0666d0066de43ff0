package dev.tarsspeedy.identity.token;

import java.util.Objects;
import java.util.UUID;

/** A refresh token family's id: the tokens one login started, revoked together. */
public record TokenFamilyId(UUID value) {

    public TokenFamilyId {
        Objects.requireNonNull(value, "value");
    }

    public static TokenFamilyId random() {
        return new TokenFamilyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
