package dev.tarsspeedy.order.order;

import dev.tarsspeedy.order.ids.DropId;
import dev.tarsspeedy.order.ids.OrderId;
import dev.tarsspeedy.order.ids.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Orders, their history and the units they take from a drop's row (the database's guard against overselling). */
public interface OrderRepository {

    Mono<Boolean> exists(OrderId id);

    Mono<SaleTerms> terms(DropId drop);

    /**
     * {@code sold += quantity} unless that passes the drop's quantity or takes the buyer's live units above the
     * per-buyer limit; true when taken.
     */
    Mono<Boolean> takeUnits(DropId drop, UserId buyer, int quantity);

    /** {@code sold -= quantity}. */
    Mono<Void> giveBackUnits(DropId drop, int quantity);

    Mono<Void> insert(Order order);

    Mono<Void> addHistory(OrderId id, OrderStatus status, Instant at);

    /**
     * Moves the order from one status to another if it is still in the first (and, when {@code dueBy} is given,
     * expired by then): the one place where concurrent changes are decided.
     *
     * @return the order after the change, empty when it was not in {@code from} (any more)
     */
    Mono<Order> transition(OrderId id, OrderStatus from, OrderStatus to, Instant dueBy);

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
