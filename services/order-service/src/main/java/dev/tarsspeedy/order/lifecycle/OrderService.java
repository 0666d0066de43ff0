package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.order.stream.ReservationMade;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Changes orders (docs/order-lifecycle.md): loads the order, asks it for the step ({@link Order} holds the rules),
 * stores the step with a conditional update from the status the order was read in, and writes its history, the units
 * given back and its events in the same transaction; the Redis release follows the commit. Racing changes (cancel and
 * expiry, payment and expiry, two job runs) therefore change an order once and give its units back once; the Redis
 * release is idempotent as well.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    /** How often a cancel or return tries again when the order moved on between reading it and changing it. */
    private static final int RACE_RETRIES = 3;

    private final OrderRepository orders;
    private final OrderQuery query;
    private final OrderEvents events;
    private final SaleStore store;
    private final TransactionalOperator transactions;
    private final LifecycleSettings settings;
    private final Clock clock;
    private final Map<OrderStatus, Counter> statusChanges = new EnumMap<>(OrderStatus.class);

    public OrderService(
            OrderRepository orders,
            OrderQuery query,
            OrderEvents events,
            SaleStore store,
            TransactionalOperator transactions,
            LifecycleSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.orders = orders;
        this.query = query;
        this.events = events;
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        for (OrderStatus status : OrderStatus.values()) {
            statusChanges.put(
                    status,
                    Counter.builder("speedy.order.status.changes")
                            .description("Orders that reached a status (placed orders count under their first one)")
                            .tag("status", status.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /**
     * Stores the orders of reservations once (run in the consumer's transaction), a batch at a time: per drop, one
     * locked read of its row, one update of its units, then one multi-row insert for the orders, their history and
     * their events. The drop's row is the last guard: an order its units or the buyer's per-buyer limit no longer
     * allow (both possible only after Redis lost the drop) is stored as REJECTED and its Redis hold released. A
     * drop's reservations come from one partition, in order, so they are decided in the order they were made.
     *
     * @return the orders stored; those stored before (a resent reservation) are left as they are
     */
    public Mono<List<Order>> place(List<ReservationMade> reservations) {
        Map<DropId, List<ReservationMade>> byDrop = new LinkedHashMap<>();
        Set<OrderId> ids = new LinkedHashSet<>();
        for (ReservationMade reservation : reservations) {
            // The same reservation twice in a batch is stored once.
            if (ids.add(OrderId.of(reservation.orderId()))) {
                byDrop.computeIfAbsent(DropId.of(reservation.dropId()), drop -> new ArrayList<>())
                        .add(reservation);
            }
        }
        return orders.existing(ids)
                .flatMap(stored -> Flux.fromIterable(byDrop.entrySet())
                        .concatMap(drop -> place(drop.getKey(), drop.getValue(), stored))
                        .flatMapIterable(placed -> placed)
                        .collectList()
                        .flatMap(this::store));
    }

    private Mono<List<Order>> place(DropId drop, List<ReservationMade> reservations, Set<OrderId> stored) {
        List<ReservationMade> fresh = reservations.stream()
                .filter(reservation -> !stored.contains(OrderId.of(reservation.orderId())))
                .toList();
        if (fresh.isEmpty()) {
            return Mono.just(List.of());
        }
        Set<UserId> buyers = new LinkedHashSet<>();
        fresh.forEach(reservation -> buyers.add(UserId.of(reservation.userId())));
        return orders.lockStock(drop, buyers)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("reservation "
                        + fresh.getFirst().orderId() + " for drop " + drop + " which the order service does not know")))
                .flatMap(stock -> {
                    Instant now = clock.instant();
                    List<Order> placed = new ArrayList<>(fresh.size());
                    for (ReservationMade reservation : fresh) {
                        boolean taken = stock.take(UserId.of(reservation.userId()), reservation.quantity());
                        placed.add(Order.placed(
                                OrderId.of(reservation.orderId()),
                                drop,
                                UserId.of(reservation.userId()),
                                reservation.quantity(),
                                stock.terms(),
                                reservation.idempotencyKey(),
                                reservation.reservedAt(),
                                reservation.expiresAt(),
                                now,
                                reservation.buyerEmail(),
                                reservation.locale(),
                                taken));
                    }
                    return stock.taken() == 0
                            ? Mono.just(placed)
                            : orders.addSold(drop, stock.taken()).thenReturn(placed);
                });
    }

    private Mono<List<Order>> store(List<Order> placed) {
        if (placed.isEmpty()) {
            return Mono.just(placed);
        }
        List<Order> live = placed.stream().filter(Order::holdsStock).toList();
        List<Order> rejected =
                placed.stream().filter(order -> !order.holdsStock()).toList();
        rejected.forEach(order -> log.warn(
                "order {} rejected: drop {} has no units left for it in the database, or the buyer would pass the"
                        + " limit (Redis lost the drop and sold again)",
                order.id(),
                order.dropId()));
        return orders.insertAll(placed)
                .then(live.isEmpty() ? Mono.empty() : events.placed(live))
                .thenMany(Flux.fromIterable(rejected).concatMap(order -> store.release(order.dropId(), order.id())))
                .then(Mono.fromRunnable(() -> placed.forEach(
                        order -> statusChanges.get(order.status()).increment())))
                .thenReturn(placed);
    }

    /**
     * The buyer cancels an order that has not shipped; its units go back once and a paid order's payment is asked
     * back (RefundRequested CANCELLED). Cancelling a cancelled order answers it again.
     */
    public Mono<OrderView> cancel(OrderId id, UserId user) {
        return orders.find(id)
                .filter(order -> order.belongsTo(user))
                .switchIfEmpty(Mono.defer(() -> query.reserved(id, user)
                        .flatMap(pending -> Mono.<Order>error(new OrderNotReadyException(id)))
                        .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(id)))))
                .flatMap(order -> cancel(order, RACE_RETRIES));
    }

    private Mono<OrderView> cancel(Order order, int retries) {
        Instant now = clock.instant();
        return decide(() -> order.cancel(Actor.BUYER, now))
                .flatMap(cancelled -> cancelled.equals(order)
                        ? query.view(order)
                        : change(order, cancelled, now)
                                .flatMap(query::view)
                                // It moved on meanwhile (expired, paid, shipped, cancelled by another request): decide
                                // again.
                                .switchIfEmpty(Mono.defer(() -> orders.find(order.id())
                                        .flatMap(current -> retries > 0 || current.status() == OrderStatus.CANCELLED
                                                ? cancel(current, retries - 1)
                                                : Mono.error(new OrderNotCancellableException(
                                                        current.id(), current.status()))))));
    }

    /**
     * Expires the order if it is still unpaid and its hold ended by {@code now}; gives its units back.
     *
     * @return true when this call expired it
     */
    public Mono<Boolean> expire(OrderId id, Instant now) {
        return orders.find(id)
                .flatMap(order -> decide(() -> order.expire(now))
                        .filter(expired -> !expired.equals(order))
                        .flatMap(expired -> change(order, expired, now)))
                .onErrorResume(OrderRefusedException.class, refused -> Mono.empty())
                .hasElement();
    }

    /** Expires every overdue unpaid order (up to the batch size); returns how many this call expired. */
    public Mono<Integer> expireDue(Instant now) {
        return count(
                orders.dueForExpiry(now, settings.expiry().batchSize()),
                id -> expire(id, now),
                id -> "could not expire order " + id);
    }

    /**
     * Applies an approved payment, in the caller's transaction (the payment consumer's, with its marker). The order
     * becomes PAID when it is still unpaid and its hold had not ended when Kakaopay approved the payment: OrderPaid and
     * the confirmation email go out with it. Otherwise the payment must not stand: an unpaid order past its hold is
     * expired now (units back once), and the payment is asked back once (RefundRequested ORDER_NOT_PAYABLE). The same
     * payment again changes nothing and sends nothing.
     *
     * @return the order this call expired, whose Redis hold the caller releases after the commit; empty otherwise
     */
    public Mono<Order> paymentApproved(OrderId id, UUID paymentId, Instant approvedAt) {
        Instant now = clock.instant();
        return orders.find(id)
                // Paid before the reservation was stored (it is on its way): the consumer tries again.
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "payment " + paymentId + " for order " + id + " which is not stored (yet)")))
                .flatMap(order -> decide(() -> order.pay(paymentId, approvedAt, now))
                        .flatMap(paid -> paid.equals(order)
                                ? Mono.<Order>empty()
                                : store(order, paid, now)
                                        .hasElement()
                                        .flatMap(stored -> stored
                                                ? Mono.<Order>empty()
                                                : notPayable(id, paymentId, approvedAt, now)))
                        .onErrorResume(
                                OrderNotPayableException.class, refused -> notPayable(id, paymentId, approvedAt, now)));
    }

    private Mono<Order> notPayable(OrderId id, UUID paymentId, Instant approvedAt, Instant now) {
        // Still unpaid, but the hold had ended when the payment came: expire it now (the expiry job has not yet).
        Instant dueBy = approvedAt.isAfter(now) ? approvedAt : now;
        return orders.find(id)
                .flatMap(order -> decide(() -> order.expire(dueBy))
                        .filter(expired -> !expired.equals(order))
                        .flatMap(expired -> store(order, expired, now)))
                .onErrorResume(OrderRefusedException.class, refused -> Mono.empty())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(expiredNow -> orders.find(id).flatMap(current -> {
                    if (paymentId.equals(current.paymentId())) {
                        // The same payment was applied by a concurrent delivery of it.
                        return Mono.<Order>empty();
                    }
                    if (current.status() == OrderStatus.PENDING_PAYMENT) {
                        return Mono.error(new IllegalStateException(
                                "order " + id + " is still unpaid but could be neither paid nor expired"));
                    }
                    log.info(
                            "payment {} came for order {} which is {}: asking for it back",
                            paymentId,
                            id,
                            current.status());
                    return requestRefund(current, paymentId, RefundReason.ORDER_NOT_PAYABLE, now)
                            .then(Mono.justOrEmpty(expiredNow));
                }));
    }

    /** The payment service gave the order's payment back: recorded once, with a REFUNDED history entry. */
    public Mono<Boolean> refunded(OrderId id, Instant refundedAt) {
        return orders.markRefunded(id, refundedAt)
                .flatMap(order ->
                        orders.addHistory(id, StatusChange.REFUNDED, refundedAt).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /**
     * The delivery job's step for every order in {@code from} since {@code after} or longer (up to the batch size),
     * each in its own transaction with its history entry and its one email; two runs at once move each order once.
     * Returns how many this call moved.
     */
    public Mono<Integer> advance(OrderStatus from, Duration after, Instant now, int batchSize) {
        return count(
                orders.inStatusSince(from, now.minus(after), batchSize),
                id -> transactions
                        .transactional(orders.find(id)
                                .filter(order -> order.status() == from)
                                .flatMap(order -> decide(() -> order.advance(after, now))
                                        .flatMap(next -> store(order, next, now))))
                        .onErrorResume(OrderRefusedException.class, refused -> Mono.empty())
                        .hasElement(),
                id -> "could not move order " + id + " on from " + from);
    }

    /**
     * The buyer asks to return a delivered order within the return window: RETURN_REQUESTED (with an email); asking
     * again answers it again.
     */
    public Mono<OrderView> requestReturn(OrderId id, UserId user) {
        return orders.find(id)
                .filter(order -> order.belongsTo(user))
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(id)))
                .flatMap(order -> requestReturn(order, RACE_RETRIES));
    }

    private Mono<OrderView> requestReturn(Order order, int retries) {
        Instant now = clock.instant();
        return decide(() -> order.requestReturn(Actor.BUYER, settings.returns().window(), now))
                .flatMap(requested -> requested.equals(order)
                        ? query.view(order)
                        : transactions
                                .transactional(store(order, requested, now))
                                .flatMap(query::view)
                                .switchIfEmpty(Mono.defer(() -> orders.find(order.id())
                                        .flatMap(current -> retries > 0
                                                ? requestReturn(current, retries - 1)
                                                : Mono.error(new OrderNotReturnableException(
                                                        current.id(), current.status(), null))))));
    }

    /**
     * Finishes returns requested {@code processing} ago or longer: RETURNED, units back on sale once, the payment
     * asked back (RefundRequested RETURNED), an email. Returns how many this call finished.
     */
    public Mono<Integer> finishReturns(Duration processing, Instant now, int batchSize) {
        return count(
                orders.inStatusSince(OrderStatus.RETURN_REQUESTED, now.minus(processing), batchSize),
                id -> orders.find(id)
                        .filter(order -> order.status() == OrderStatus.RETURN_REQUESTED)
                        .flatMap(order -> decide(() -> order.finishReturn(processing, now))
                                .flatMap(returned -> change(order, returned, now)))
                        .onErrorResume(OrderRefusedException.class, refused -> Mono.empty())
                        .hasElement(),
                id -> "could not finish the return of order " + id);
    }

    /**
     * Gives a no longer live order's Redis hold back (idempotent: only the first call for an order gives units back);
     * never fails, the reconciler releases what this could not.
     */
    public Mono<Boolean> release(Order order) {
        return store.release(order.dropId(), order.id())
                .doOnNext(released -> {
                    if (!released) {
                        log.warn("order {} is {} but Redis held nothing for it", order.id(), order.status());
                    }
                })
                .onErrorResume(e -> {
                    log.warn(
                            "order {} is {} but its Redis hold was not released: {}",
                            order.id(),
                            order.status(),
                            e.toString());
                    return Mono.just(false);
                });
    }

    /** The order's decision as a Mono: its refusal becomes the error. */
    private static Mono<Order> decide(Supplier<Order> step) {
        return Mono.fromSupplier(step);
    }

    /**
     * A step in its own transaction, then, when it gave units back, the Redis release. When the release fails the hold
     * stays in Redis until the reconciler releases it (the order is not live).
     */
    private Mono<Order> change(Order before, Order after, Instant now) {
        return transactions
                .transactional(store(before, after, now))
                .flatMap(stored ->
                        stored.givesBackUnitsFrom(before) ? release(stored).thenReturn(stored) : Mono.just(stored));
    }

    /**
     * Stores the step in the caller's transaction if the order is still in the status it was read in: the order's row,
     * its history entry, the units back to the drop's row when it stops holding them, and its events.
     *
     * @return the stored order, empty when the order moved on meanwhile
     */
    private Mono<Order> store(Order before, Order after, Instant now) {
        return orders.update(after, before.status())
                .flatMap(stored -> orders.addHistory(stored.id(), stored.status(), now)
                        .then(
                                stored.givesBackUnitsFrom(before)
                                        ? orders.giveBackUnits(stored.dropId(), stored.quantity())
                                        : Mono.empty())
                        .then(publish(stored, now))
                        .doOnSuccess(done -> statusChanges.get(stored.status()).increment())
                        .thenReturn(stored));
    }

    /** The events and the email of the status the order reached, in the same transaction (outbox). */
    private Mono<Void> publish(Order order, Instant now) {
        return switch (order.status()) {
            case PAID -> events.paid(order).then(events.confirmationEmail(order));
            case CANCELLED -> events.cancelled(order, now).then(refundIfDue(order, now));
            case EXPIRED -> events.expired(order, now);
            case RETURNED -> refundIfDue(order, now).then(events.statusEmail(order, OrderStatus.RETURNED));
            case PREPARING, SHIPPING, DELIVERED, RETURN_REQUESTED -> events.statusEmail(order, order.status());
            case PENDING_PAYMENT, REJECTED -> Mono.empty();
        };
    }

    private Mono<Void> refundIfDue(Order order, Instant now) {
        return order.refundDue()
                .map(reason -> requestRefund(order, order.paymentId(), reason, now))
                .orElse(Mono.empty());
    }

    /** Asks for the payment back once per payment (the refund_request row decides), in the caller's transaction. */
    private Mono<Void> requestRefund(Order order, UUID paymentId, RefundReason reason, Instant now) {
        return orders.recordRefundRequest(order.id(), paymentId, reason, now)
                .flatMap(first -> first ? events.refundRequested(order, paymentId, reason) : Mono.empty());
    }

    /** Applies {@code step} to each order one after the other; a failing one is logged and skipped. */
    private static Mono<Integer> count(
            Flux<OrderId> ids,
            java.util.function.Function<OrderId, Mono<Boolean>> step,
            java.util.function.Function<OrderId, String> failure) {
        return ids.concatMap(id -> step.apply(id).onErrorResume(e -> {
                    log.warn("{}: {}", failure.apply(id), e.toString());
                    return Mono.just(false);
                }))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }
}
