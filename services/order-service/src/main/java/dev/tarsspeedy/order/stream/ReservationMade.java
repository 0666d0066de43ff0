package dev.tarsspeedy.order.stream;

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
 * @param buyerEmail the buyer's address from the access token, {@code null} when it had none (no order emails then)
 * @param locale {@code ko} or {@code en}, the language of the order's emails
 */
public record ReservationMade(
        UUID orderId,
        UUID dropId,
        UUID userId,
        int quantity,
        String idempotencyKey,
        Instant reservedAt,
        Instant expiresAt,
        String buyerEmail,
        String locale) {

    /** A reservation without contact details (the buyer's token had no email). */
    public ReservationMade(
            UUID orderId,
            UUID dropId,
            UUID userId,
            int quantity,
            String idempotencyKey,
            Instant reservedAt,
            Instant expiresAt) {
        this(orderId, dropId, userId, quantity, idempotencyKey, reservedAt, expiresAt, null, "en");
    }

    /** {@code Topics.name("order", "ReservationMade", 1)}. */
    public static final String TOPIC = "order.reservation-made.v1";

    public static final String TYPE = "ReservationMade";
    public static final int VERSION = 1;

    /** The envelope id of a reservation's event: the same for every send, so consumers skip resends. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("ReservationMade:" + orderId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
