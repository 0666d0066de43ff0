package dev.tarsspeedy.contracts.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The order service stored an accepted order: the buyer holds the units until {@code expiresAt} and pays in the
 * meantime (the payment service starts from this event).
 *
 * <p>Published by the order service through its outbox to {@link #TOPIC}, keyed by the order id.
 *
 * @param orderId the order, also the reservation's id
 * @param dropId the drop the units come from
 * @param userId the buyer (the access token's subject)
 * @param quantity units held
 * @param amount price times quantity in whole Korean won
 * @param productName the product's name when the order was placed
 * @param expiresAt when the order expires unless paid
 */
public record OrderPlaced(
        UUID orderId, UUID dropId, UUID userId, int quantity, long amount, String productName, Instant expiresAt) {

    /** {@code Topics.name("order", "OrderPlaced", 1)}. */
    public static final String TOPIC = "order.order-placed.v1";

    public static final String TYPE = "OrderPlaced";
    public static final int VERSION = 1;

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(dropId, "dropId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
