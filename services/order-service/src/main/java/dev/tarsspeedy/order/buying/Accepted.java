package dev.tarsspeedy.order.buying;

import dev.tarsspeedy.order.OrderId;
import java.time.Instant;

/**
 * A buy Redis accepted (now, or earlier under the same Idempotency-Key).
 *
 * @param replay true when the key was used before and this is the first answer again
 */
public record Accepted(OrderId orderId, Instant expiresAt, boolean replay) {}
