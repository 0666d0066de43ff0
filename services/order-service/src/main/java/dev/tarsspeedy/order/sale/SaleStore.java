package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** A drop's live sale state in Redis (keys {@code drop:{D}:*}, see docs/hot-path.md). */
public interface SaleStore {

    /**
     * One buy attempt: one script call.
     *
     * @param contact the buyer's address and language, carried to the order for its emails
     */
    Mono<BuyOutcome> buy(
            DropId drop,
            UserId user,
            int quantity,
            String idempotencyKey,
            OrderId orderId,
            Duration hold,
            BuyerContact contact);

    /**
     * Where the order's emails go.
     *
     * @param email the access token's {@code email} claim, {@code null} when it had none
     * @param locale {@code ko} or {@code en}
     */
    record BuyerContact(String email, String locale) {

        public static final BuyerContact NONE = new BuyerContact(null, "en");

        public BuyerContact {
            locale = "ko".equals(locale) ? "ko" : "en";
        }
    }

    /** Gives a reservation's units back, at most once; true when this call gave them back. */
    Mono<Boolean> release(DropId drop, OrderId order);

    /** Loads a drop's terms: everything fresh before opening, only the terms once open. */
    Mono<LoadResult> load(Drop drop, boolean beforeOpening);

    /** Whether the drop's sale hash exists. */
    Mono<Boolean> present(DropId drop);

    /** Units left, empty when the keys are absent. */
    Mono<Integer> stock(DropId drop);

    /** The drop's state, empty when the keys are absent. */
    Mono<SaleSnapshot> snapshot(DropId drop);

    /**
     * Writes a drop's keys from the database's state unless they exist (another instance rebuilt them first).
     *
     * @param replays idempotency entries: {@code userId:key} to {@code orderId|expiresAtMs|quantity}
     * @return true when this call rebuilt them
     */
    Mono<Boolean> rebuild(Drop drop, int stock, List<Hold> holds, Map<String, String> replays);

    /** Records a hold Redis does not know (its order is live in the database), taking its units from the stock. */
    Mono<Boolean> adopt(DropId drop, Hold hold);

    /** Sets stock to quantity minus the held units; returns the new stock. */
    Mono<Integer> correctStock(DropId drop);

    /** A reservation not yet released, with its expiry, if the user holds it. */
    Mono<PendingReservation> reservation(DropId drop, OrderId order, UserId user);

    /** A reservation not yet released, with its expiry, whoever holds it (cluster-internal reads). */
    Mono<PendingReservation> reservation(DropId drop, OrderId order);

    /** A reservation found in Redis. */
    record PendingReservation(DropId dropId, OrderId orderId, UserId userId, int quantity, Instant expiresAt) {}
}
