package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Orders, their history and the units they take from a drop's row (the database's guard against overselling). */
public interface OrderRepository {

    /** Which of the orders are stored already. */
    Mono<Set<OrderId>> existing(Collection<OrderId> ids);

    /**
     * The drop's row, locked until the transaction ends (so that nothing else changes its {@code sold} meanwhile), with
     * the units each of the buyers holds in live orders of the drop; empty when the order service does not know the
     * drop.
     */
    Mono<DropStock> lockStock(DropId drop, Collection<UserId> buyers);

    /** {@code sold += units} on the row {@link #lockStock} locked. */
    Mono<Void> addSold(DropId drop, int units);

    /** {@code sold -= quantity}. */
    Mono<Void> giveBackUnits(DropId drop, int quantity);

    /** Inserts new orders, with multi-row statements, and the first history entry of each (its status, created then). */
    Mono<Void> insertAll(List<Order> orders);

    Mono<Void> addHistory(OrderId id, OrderStatus status, Instant at);

    /** A history entry that is not a status ({@link StatusChange#REFUNDED}). */
    Mono<Void> addHistory(OrderId id, String entry, Instant at);

    /**
     * Stores a step the order took ({@link Order}'s rules decided it): its status, when it changed, and the payment
     * and delivery times, if the order is still in {@code from}. The one place where concurrent changes are decided:
     * of two racing steps from the same status, one is stored and the other finds nothing.
     *
     * @return the order as stored, empty when it was not in {@code from} (any more)
     */
    Mono<Order> update(Order changed, OrderStatus from);

    /** Records the confirmed refund once; the order after it, empty when it was recorded before (or no order). */
    Mono<Order> markRefunded(OrderId id, Instant refundedAt);

    /** Records that a payment is to be given back; false when it was asked for before (one refund per payment). */
    Mono<Boolean> recordRefundRequest(OrderId id, UUID paymentId, RefundReason reason, Instant at);

    /** Orders in {@code status} since {@code changedBy} or earlier, longest first. */
    Flux<OrderId> inStatusSince(OrderStatus status, Instant changedBy, int limit);

    Mono<Order> find(OrderId id);

    Flux<StatusChange> history(OrderId id);

    /** The user's orders, newest first. */
    Flux<Order> byUser(UserId user, long offset, int limit);

    Mono<Long> countByUser(UserId user);

    /** Unpaid orders whose hold ended by {@code now}, oldest first. */
    Flux<OrderId> dueForExpiry(Instant now, int limit);

    /** Every order of a drop. */
    Flux<Order> byDrop(DropId drop);
}
