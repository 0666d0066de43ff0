package dev.tarsspeedy.contracts.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The catalog created, changed or closed a drop: the whole sale-relevant state of the drop, so a consumer never needs
 * an earlier event to understand a later one.
 *
 * <p>Published by the catalog service through its outbox to {@link #TOPIC}, keyed by the drop id. The order service
 * keeps its own copy of each drop from these events (it sells them); a consumer applies an event only when its
 * {@code revision} is higher than the one it holds, which makes replays and reordering harmless.
 *
 * @param dropId the drop
 * @param revision starts at 1 and grows by one with every change of the drop
 * @param productId the product on sale
 * @param productName the product's name, for order pages and emails
 * @param price the price of one unit in whole Korean won (KRW has no minor unit)
 * @param quantity units on sale in total
 * @param perUserLimit most units one buyer may hold in this drop
 * @param opensAt when buying starts
 * @param closesAt when buying ends at the latest
 * @param closedAt when an operator stopped the sale early, {@code null} while not stopped
 */
public record DropChanged(
        UUID dropId,
        long revision,
        UUID productId,
        String productName,
        long price,
        int quantity,
        int perUserLimit,
        Instant opensAt,
        Instant closesAt,
        Instant closedAt) {

    public static final String TOPIC = "catalog.drop-changed.v1";
    public static final String TYPE = "DropChanged";
    public static final int VERSION = 1;

    public DropChanged {
        Objects.requireNonNull(dropId, "dropId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1: " + revision);
        }
    }
}
