package dev.tarsspeedy.order.order;

import dev.tarsspeedy.order.buying.ReservationMade;
import dev.tarsspeedy.order.config.OrderProperties;
import dev.tarsspeedy.order.ids.DropId;
import dev.tarsspeedy.order.ids.OrderId;
import dev.tarsspeedy.order.ids.UserId;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.SaleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders: stored from reservations, read by their buyers, paid, delivered, returned, cancelled before shipping, expired
 * when unpaid too long (docs/order-lifecycle.md). Every status change is a conditional update from the status the order
 * was read in, so racing changes (cancel and expiry, payment and expiry, two job runs) change the order once and give
 * the units back once; the Redis release after the commit is idempotent as well.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final OrderEvents events;
    private final SaleStore store;
    private final DropCatalog catalog;
    private final TransactionalOperator transactions;
    private final OrderProperties properties;
    private final Clock clock;

    public OrderService(
            OrderRepository orders,
            OrderEvents events,
            SaleStore store,
            DropCatalog catalog,
            TransactionalOperator transactions,
            OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.events = events;
        this.store = store;
        this.catalog = catalog;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the order of a reservation once (run in the consumer's transaction). The drop's row is the last guard:
     * when its units are gone, or the buyer's live orders would pass the per-buyer limit (both possible only after
     * Redis lost the drop), the order is stored as REJECTED and its Redis hold released. The drop's reservations come
     * from one partition, in order, so one consumer applies them one after the other.
     *
     * @return the stored status, empty when the order existed already
     */
    public Mono<OrderStatus> place(ReservationMade reservation) {
        OrderId id = OrderId.of(reservation.orderId());
        DropId drop = DropId.of(reservation.dropId());
        return orders.exists(id).flatMap(exists -> {
            if (exists) {
                return Mono.empty();
            }
            return orders.terms(drop)
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "reservation " + id + " for drop " + drop + " which the order service does not know")))
                    .flatMap(terms -> orders.takeUnits(drop, UserId.of(reservation.userId()), reservation.quantity())
                            .flatMap(taken -> {
                                Instant now = clock.instant();
                                OrderStatus status = taken ? OrderStatus.PENDING_PAYMENT : OrderStatus.REJECTED;
                                Order order = new Order(
                                        id,
                                        drop,
                                        UserId.of(reservation.userId()),
                                        reservation.quantity(),
                                        terms.price() * reservation.quantity(),
                                        terms.productName(),
                                        status,
                                        reservation.idempotencyKey(),
                                        reservation.reservedAt(),
                                        reservation.expiresAt(),
                                        now,
                                        reservation.buyerEmail(),
                                        reservation.locale());
                                Mono<Void> stored = orders.insert(order).then(orders.addHistory(id, status, now));
                                if (taken) {
                                    return stored.then(events.placed(order)).thenReturn(status);
                                }
                                log.warn(
                                        "order {} rejected: drop {} has no units left for it in the database, or the buyer"
                                                + " would pass the limit (Redis lost the drop and sold again)",
                                        id,
                                        drop);
                                return stored.then(store.release(drop, id)).thenReturn(status);
                            }));
        });
    }

    /** The buyer's order; just after the 202, before it is stored, its reservation in Redis. */
    public Mono<OrderView> get(OrderId id, UserId user) {
        return orders.find(id)
                .filter(order -> order.userId().equals(user))
                .flatMap(this::view)
                .switchIfEmpty(Mono.defer(() -> reserved(id, user)))
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(id)));
    }

    private Mono<OrderView> view(Order order) {
        return orders.history(order.id()).collectList().map(history -> new OrderView(order, history));
    }

    private Mono<OrderView> reserved(OrderId id, UserId user) {
        List<Drop> drops = catalog.relevant(clock.instant());
        return Flux.fromIterable(drops)
                .concatMap(drop -> store.reservation(drop.id(), id, user).map(found -> {
                    Order order = reservedOrder(drop, user, id, found.quantity(), found.expiresAt());
                    return new OrderView(
                            order, List.of(new StatusChange(OrderStatus.PENDING_PAYMENT, order.reservedAt())));
                }))
                .next();
    }

    private Order reservedOrder(Drop drop, UserId user, OrderId id, int quantity, Instant expiresAt) {
        Instant reservedAt = expiresAt.minus(properties.expiry().hold());
        return new Order(
                id,
                drop.id(),
                user,
                quantity,
                drop.price() * quantity,
                drop.productName(),
                OrderStatus.PENDING_PAYMENT,
                null,
                reservedAt,
                expiresAt,
                reservedAt,
                null,
                "en");
    }

    /** The buyer's orders, newest first. */
    public Mono<OrderPage> mine(UserId user, int page, int size) {
        return orders.byUser(user, (long) page * size, size)
                .collectList()
                .zipWith(orders.countByUser(user))
                .map(result -> new OrderPage(result.getT1(), page, size, result.getT2()));
    }

    /** A page of a buyer's orders. */
    public record OrderPage(List<Order> items, int page, int size, long total) {}

    /** Statuses a buyer may cancel from: unpaid, or paid and not shipped yet. */
    private static final Set<OrderStatus> CANCELLABLE =
            EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PREPARING);

    /** How often a cancel or return tries again when the order moved on between reading it and changing it. */
    private static final int RACE_RETRIES = 3;

    /**
     * Cancels an order of the buyer that has not shipped and gives its units back once; a paid order's payment is
     * asked back (RefundRequested CANCELLED). Cancelling a cancelled order answers it again.
     */
    public Mono<OrderView> cancel(OrderId id, UserId user) {
        return orders.find(id)
                .filter(order -> order.userId().equals(user))
                .switchIfEmpty(Mono.defer(() -> reserved(id, user)
                        .flatMap(pending -> Mono.<Order>error(new OrderNotReadyException(id)))
                        .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(id)))))
                .flatMap(order -> cancel(order, RACE_RETRIES));
    }

    private Mono<OrderView> cancel(Order order, int retries) {
        OrderId id = order.id();
        if (order.status() == OrderStatus.CANCELLED) {
            return view(order);
        }
        if (!CANCELLABLE.contains(order.status())) {
            return Mono.error(new OrderNotCancellableException(id, order.status()));
        }
        Instant now = clock.instant();
        return change(
                        id,
                        order.status(),
                        OrderStatus.CANCELLED,
                        now,
                        null,
                        changed -> events.cancelled(changed, now)
                                .then(
                                        changed.paymentId() == null
                                                ? Mono.empty()
                                                : requestRefund(
                                                        changed, changed.paymentId(), RefundReason.CANCELLED, now)))
                .flatMap(this::view)
                // It moved on meanwhile (expired, paid, shipped, cancelled by another request): decide again.
                .switchIfEmpty(Mono.defer(() -> orders.find(id)
                        .flatMap(current -> retries > 0 || current.status() == OrderStatus.CANCELLED
                                ? cancel(current, retries - 1)
                                : Mono.error(new OrderNotCancellableException(id, current.status())))));
    }

    /**
     * Expires the order if it is still unpaid and its hold ended by {@code now}; gives its units back.
     *
     * @return true when this call expired it
     */
    public Mono<Boolean> expire(OrderId id, Instant now) {
        return change(
                        id,
                        OrderStatus.PENDING_PAYMENT,
                        OrderStatus.EXPIRED,
                        now,
                        now,
                        changed -> events.expired(changed, now))
                .hasElement();
    }

    /** Expires every overdue unpaid order (up to the batch size); returns how many this call expired. */
    public Mono<Integer> expireDue(Instant now) {
        return orders.dueForExpiry(now, properties.expiry().batchSize())
                .concatMap(id -> expire(id, now).onErrorResume(e -> {
                    log.warn("could not expire order {}: {}", id, e.toString());
                    return Mono.just(false);
                }))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
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
                .flatMap(order -> {
                    if (paymentId.equals(order.paymentId())) {
                        return Mono.empty();
                    }
                    if (order.status() != OrderStatus.PENDING_PAYMENT) {
                        return notPayable(id, paymentId, approvedAt, now);
                    }
                    return orders.markPaid(id, paymentId, approvedAt, now)
                            .flatMap(paid -> orders.addHistory(id, OrderStatus.PAID, now)
                                    .then(events.paid(paid))
                                    .then(events.confirmationEmail(paid))
                                    .thenReturn(true))
                            .defaultIfEmpty(false)
                            .flatMap(done -> done ? Mono.empty() : notPayable(id, paymentId, approvedAt, now));
                });
    }

    private Mono<Order> notPayable(OrderId id, UUID paymentId, Instant approvedAt, Instant now) {
        // Still unpaid, but the hold had ended when the payment came: expire it now (the expiry job has not yet).
        Instant dueBy = approvedAt.isAfter(now) ? approvedAt : now;
        return expiring(
                        id,
                        OrderStatus.PENDING_PAYMENT,
                        OrderStatus.EXPIRED,
                        now,
                        dueBy,
                        expired -> events.expired(expired, now))
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
     * Moves every order in {@code from} since {@code after} or longer to {@code to} (up to the batch size), each in
     * its own transaction with its history entry and its one email; a conditional update, so two runs at once move
     * each order once. Returns how many this call moved.
     */
    public Mono<Integer> advance(OrderStatus from, OrderStatus to, Duration after, Instant now, int batchSize) {
        return orders.inStatusSince(from, now.minus(after), batchSize)
                .concatMap(id -> transactions
                        .transactional(orders.transition(id, from, to, null, now)
                                .flatMap(order -> orders.addHistory(id, to, now)
                                        .then(events.statusEmail(order, to))
                                        .thenReturn(order)))
                        .hasElement()
                        .onErrorResume(e -> {
                            log.warn("could not move order {} from {} to {}: {}", id, from, to, e.toString());
                            return Mono.just(false);
                        }))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    /**
     * The buyer asks to return a delivered order within the return window: RETURN_REQUESTED (with an email); asking
     * again answers it again.
     */
    public Mono<OrderView> requestReturn(OrderId id, UserId user) {
        return orders.find(id)
                .filter(order -> order.userId().equals(user))
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(id)))
                .flatMap(order -> requestReturn(order, RACE_RETRIES));
    }

    private Mono<OrderView> requestReturn(Order order, int retries) {
        OrderId id = order.id();
        if (order.status() == OrderStatus.RETURN_REQUESTED || order.status() == OrderStatus.RETURNED) {
            return view(order);
        }
        if (order.status() != OrderStatus.DELIVERED) {
            return Mono.error(new OrderNotReturnableException(id, order.status(), null));
        }
        Instant now = clock.instant();
        Instant closes = order.deliveredAt().plus(properties.returns().window());
        if (now.isAfter(closes)) {
            return Mono.error(new OrderNotReturnableException(id, order.status(), closes));
        }
        return transactions
                .transactional(orders.transition(id, OrderStatus.DELIVERED, OrderStatus.RETURN_REQUESTED, null, now)
                        .flatMap(changed -> orders.addHistory(id, OrderStatus.RETURN_REQUESTED, now)
                                .then(events.statusEmail(changed, OrderStatus.RETURN_REQUESTED))
                                .thenReturn(changed)))
                .flatMap(this::view)
                .switchIfEmpty(Mono.defer(() -> orders.find(id)
                        .flatMap(current -> retries > 0
                                ? requestReturn(current, retries - 1)
                                : Mono.error(new OrderNotReturnableException(id, current.status(), null)))));
    }

    /**
     * Finishes returns requested {@code processing} ago or longer: RETURNED, units back on sale once, the payment
     * asked back (RefundRequested RETURNED), an email. Returns how many this call finished.
     */
    public Mono<Integer> finishReturns(Duration processing, Instant now, int batchSize) {
        return orders.inStatusSince(OrderStatus.RETURN_REQUESTED, now.minus(processing), batchSize)
                .concatMap(id -> change(
                                id,
                                OrderStatus.RETURN_REQUESTED,
                                OrderStatus.RETURNED,
                                now,
                                null,
                                returned -> (returned.paymentId() == null
                                                ? Mono.<Void>empty()
                                                : requestRefund(
                                                        returned, returned.paymentId(), RefundReason.RETURNED, now))
                                        .then(events.statusEmail(returned, OrderStatus.RETURNED)))
                        .hasElement()
                        .onErrorResume(e -> {
                            log.warn("could not finish the return of order {}: {}", id, e.toString());
                            return Mono.just(false);
                        }))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    /** An order as the cluster-internal API shows it (payment service): stored, or still a reservation in Redis. */
    public Mono<Order> internal(OrderId id) {
        return orders.find(id)
                .switchIfEmpty(Mono.defer(() -> Flux.fromIterable(catalog.relevant(clock.instant()))
                        .concatMap(drop -> store.reservation(drop.id(), id)
                                .map(found ->
                                        reservedOrder(drop, found.userId(), id, found.quantity(), found.expiresAt())))
                        .next()));
    }

    /** Asks for the payment back once per payment (the refund_request row decides), in the caller's transaction. */
    private Mono<Void> requestRefund(Order order, UUID paymentId, RefundReason reason, Instant now) {
        return orders.recordRefundRequest(order.id(), paymentId, reason, now)
                .flatMap(first -> first ? events.refundRequested(order, paymentId, reason) : Mono.empty());
    }

    /**
     * From a status that holds units to one that does not, in one transaction (status, history, sold, events), then
     * the Redis release. When the release fails the hold stays in Redis until the reconciler releases it (the order is
     * not live).
     */
    private Mono<Order> change(
            OrderId id,
            OrderStatus from,
            OrderStatus to,
            Instant now,
            Instant dueBy,
            Function<Order, Mono<Void>> also) {
        return transactions
                .transactional(expiring(id, from, to, now, dueBy, also))
                .flatMap(order -> release(order).thenReturn(order));
    }

    /** The database part of {@link #change}, in the caller's transaction; the caller releases the hold after it. */
    private Mono<Order> expiring(
            OrderId id,
            OrderStatus from,
            OrderStatus to,
            Instant now,
            Instant dueBy,
            Function<Order, Mono<Void>> also) {
        return orders.transition(id, from, to, dueBy, now)
                .flatMap(order -> orders.addHistory(id, to, now)
                        .then(orders.giveBackUnits(order.dropId(), order.quantity()))
                        .then(also.apply(order))
                        .thenReturn(order));
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

    /** The units live orders hold per drop, for reconciliation: every order of a drop. */
    public Flux<Order> ordersOf(DropId drop) {
        return orders.byDrop(drop);
    }
}
