package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.product.ProductId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A limited sale of one product.
 *
 * @param closedAt when an operator stopped the sale, {@code null} while not stopped
 * @param revision 1 when created, one more with every change (the revision of its latest {@code DropChanged})
 */
public record Drop(
        DropId id,
        ProductId productId,
        DropTerms terms,
        Instant closedAt,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    public Drop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // What PostgreSQL keeps: a drop reads back exactly as it was written.
        closedAt = closedAt == null ? null : closedAt.truncatedTo(ChronoUnit.MICROS);
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static Drop create(ProductId productId, DropTerms terms, Instant now) {
        return new Drop(DropId.random(), productId, terms, null, 1, now, now);
    }

    /** Whether the sale has started (or ended) by {@code now}: from then on, terms are fixed. */
    public boolean hasOpened(Instant now) {
        return !now.isBefore(terms.opensAt());
    }

    /** Whether no more buying is possible: stopped by an operator, or past its closing time. */
    public boolean isClosed(Instant now) {
        return closedAt != null || !now.isBefore(terms.closesAt());
    }

    /**
     * The status shoppers see.
     *
     * @param remaining units left as the order service counts them, {@code null} when unknown (never sold out then)
     */
    public DropStatus status(Integer remaining, Instant now) {
        if (isClosed(now)) {
            return DropStatus.CLOSED;
        }
        if (!hasOpened(now)) {
            return DropStatus.UPCOMING;
        }
        return remaining != null && remaining <= 0 ? DropStatus.SOLD_OUT : DropStatus.OPEN;
    }

    /**
     * Remaining units when the order service could not say: all of them before the opening, else unknown.
     */
    public Integer fallbackRemaining(Instant now) {
        return hasOpened(now) ? null : terms.quantity();
    }

    public Drop withTerms(DropTerms newTerms, Instant now) {
        return new Drop(id, productId, newTerms, closedAt, revision + 1, createdAt, now);
    }

    public Drop closed(Instant now) {
        return new Drop(id, productId, terms, now, revision + 1, createdAt, now);
    }
}
