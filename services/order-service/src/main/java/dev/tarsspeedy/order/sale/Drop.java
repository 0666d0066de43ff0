package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.DropId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The order service's copy of a drop (table {@code sale}), kept from the catalog's {@link DropChanged} events.
 *
 * @param closedAt when an operator stopped the sale early, {@code null} while not stopped
 */
public record Drop(
        DropId id,
        long revision,
        UUID productId,
        String productName,
        long price,
        int quantity,
        int perUserLimit,
        Instant opensAt,
        Instant closesAt,
        Instant closedAt) {

    public Drop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        productName = productName == null ? "" : productName;
    }

    public static Drop from(DropChanged event) {
        return new Drop(
                DropId.of(event.dropId()),
                event.revision(),
                event.productId(),
                event.productName(),
                event.price(),
                event.quantity(),
                event.perUserLimit(),
                event.opensAt(),
                event.closesAt(),
                event.closedAt());
    }

    /** When buying ends: the closing time, or earlier when an operator stopped the sale. */
    public Instant endsAt() {
        return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
    }

    public boolean notYetOpenAt(Instant now) {
        return now.isBefore(opensAt);
    }

    public boolean closedAt(Instant now) {
        return closedAt != null || !now.isBefore(closesAt);
    }

    public boolean openAt(Instant now) {
        return !notYetOpenAt(now) && !closedAt(now);
    }

    /** From {@code lead} before opening until {@code after} after the end: the time Redis keys and streams matter. */
    public boolean relevantAt(Instant now, Duration lead, Duration after) {
        return !now.isBefore(opensAt.minus(lead)) && now.isBefore(endsAt().plus(after));
    }
}
