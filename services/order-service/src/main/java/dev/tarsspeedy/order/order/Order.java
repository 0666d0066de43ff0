package dev.tarsspeedy.order.order;

import dev.tarsspeedy.order.ids.DropId;
import dev.tarsspeedy.order.ids.OrderId;
import dev.tarsspeedy.order.ids.UserId;
import java.time.Instant;

/**
 * An order: one reservation of units in a drop.
 *
 * @param amount price times quantity in whole won, from the drop copy when the order was stored
 * @param idempotencyKey the buyer's Idempotency-Key of the buy
 */
public record Order(
        OrderId id,
        DropId dropId,
        UserId userId,
        int quantity,
        long amount,
        String productName,
        OrderStatus status,
        String idempotencyKey,
        Instant reservedAt,
        Instant expiresAt,
        Instant createdAt) {}
