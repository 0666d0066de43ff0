package dev.tarsspeedy.catalog.drop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an operator decides about a drop: price (whole KRW), units on sale, most units per buyer, and the sale window.
 */
public record DropTerms(long price, int quantity, int perUserLimit, Instant opensAt, Instant closesAt) {

    public DropTerms {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        // What PostgreSQL keeps: a drop reads back exactly as it was written.
        opensAt = opensAt.truncatedTo(ChronoUnit.MICROS);
        closesAt = closesAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The rules every drop keeps before it opens: {@code price >= 0}, {@code quantity >= 1},
     * {@code 1 <= perUserLimit <= quantity}, {@code opensAt < closesAt}, {@code opensAt} after {@code now}.
     *
     * @return the broken ones, empty when the terms are fine
     */
    public List<Violation> violations(Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (price < 0) {
            violations.add(Violation.of("price", "drop.price-negative", "must be greater than or equal to 0"));
        }
        if (quantity < 1) {
            violations.add(Violation.of("quantity", "drop.quantity-too-small", "must be greater than or equal to 1"));
        }
        if (perUserLimit < 1) {
            violations.add(Violation.of(
                    "perUserLimit", "drop.per-user-limit-too-small", "must be greater than or equal to 1"));
        } else if (quantity >= 1 && perUserLimit > quantity) {
            violations.add(Violation.of(
                    "perUserLimit", "drop.per-user-limit-over-quantity", "must not be greater than quantity"));
        }
        if (!opensAt.isBefore(closesAt)) {
            violations.add(Violation.of("closesAt", "drop.closes-before-opening", "must be after opensAt"));
        }
        if (!opensAt.isAfter(now)) {
            violations.add(Violation.of("opensAt", "drop.opens-in-the-past", "must be in the future"));
        }
        return violations;
    }

    /** Throws {@link InvalidDropException} unless the terms keep every rule. */
    public DropTerms require(Instant now) {
        List<Violation> violations = violations(now);
        if (!violations.isEmpty()) {
            throw new InvalidDropException(violations);
        }
        return this;
    }
}
