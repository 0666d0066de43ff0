package dev.tarsspeedy.catalog.drop;

import java.time.Instant;

/** A change of some terms of a drop; {@code null} keeps the current value. */
public record DropPatch(Long price, Integer quantity, Integer perUserLimit, Instant opensAt, Instant closesAt) {

    public DropTerms applyTo(DropTerms terms) {
        return new DropTerms(
                price != null ? price : terms.price(),
                quantity != null ? quantity : terms.quantity(),
                perUserLimit != null ? perUserLimit : terms.perUserLimit(),
                opensAt != null ? opensAt : terms.opensAt(),
                closesAt != null ? closesAt : terms.closesAt());
    }
}
