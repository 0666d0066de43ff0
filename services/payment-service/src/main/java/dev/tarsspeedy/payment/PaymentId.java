package dev.tarsspeedy.payment;

import java.util.Objects;
import java.util.UUID;

/** A payment's id: ours, random, in the callback URLs Kakaopay sends the buyer to. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    /** The bare UUID's text, so logs, keys and URLs read as before. */
    @Override
    public String toString() {
        return value.toString();
    }
}
