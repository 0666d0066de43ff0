package dev.tarsspeedy.order.buying;

import java.time.Instant;
import java.util.UUID;

/**
 * A buy was accepted in Redis: the order service's own event from the drop's stream to Kafka (topic {@link #TOPIC},
 * keyed by the drop id), from which the order consumer stores the order. Not a platform contract: no other service
 * reads it.
 *
 * @param orderId the reservation's order id, unique
 * @param idempotencyKey the buyer's Idempotency-Key, kept so that Redis replays can be rebuilt from the database
 * @param reservedAt Redis's time of the reservation
 * @param expiresAt when the order expires unless paid
 */
public record ReservationMade(
        UUID orderId,
        UUID dropId,
        UUID userId,
        int quantity,
        String idempotencyKey,
        Instant reservedAt,
        Instant expiresAt) {

    /** {@code Topics.name("order", "ReservationMade", 1)}. */
    public static final String TOPIC = "order.reservation-made.v1";

    public static final String TYPE = "ReservationMade";
    public static final int VERSION = 1;

    /** The envelope id of a reservation's event: the same for every send, so consumers skip resends. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("ReservationMade:" + orderId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
