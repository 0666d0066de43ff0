package dev.tarsspeedy.identity.verification;

import java.util.Objects;
import java.util.UUID;

/** A verification code's id: names the code in its email's idempotency key and in its keyed hash. */
public record VerificationCodeId(UUID value) {

    public VerificationCodeId {
        Objects.requireNonNull(value, "value");
    }

    public static VerificationCodeId random() {
        return new VerificationCodeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
