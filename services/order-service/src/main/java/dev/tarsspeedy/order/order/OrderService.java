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
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders: stored from reservations, read by their buyers, cancelled while unpaid, expired when unpaid too long.
 * Every status change is a conditional update (from PENDING_PAYMENT only), so cancel racing expiry changes the order
 * once and gives the units back once; the Redis release after the commit is idempotent as well.
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
                                        now);
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
                    Instant reservedAt =
                            found.expiresAt().minus(properties.expiry().hold());
                    Order order = new Order(
                            id,
                            drop.id(),
                            user,
                            found.quantity(),
                            drop.price() * found.quantity(),
                            drop.productName(),
                            OrderStatus.PENDING_PAYMENT,
                            null,
                            reservedAt,
                            found.expiresAt(),
                            reservedAt);
                    return new OrderView(order, List.of(new StatusChange(OrderStatus.PENDING_PAYMENT, reservedAt)));
                }))
                .next();
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

    /** Cancels an unpaid order of the buyer and gives its units back. Cancelling a cancelled order answers it again. */
    public Mono<OrderView> cancel(OrderId id, UserId user) {
        return orders.find(id)
                .filter(order -> order.userId().equals(user))
                .switchIfEmpty(Mono.defer(() -> reserved(id, user)
                        .flatMap(pending -> Mono.<Order>error(new OrderNotReadyException(id)))
                        .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(id)))))
                .flatMap(order -> {
                    if (order.status() == OrderStatus.CANCELLED) {
                        return view(order);
                    }
                    if (order.status() != OrderStatus.PENDING_PAYMENT) {
                        return Mono.error(new OrderNotCancellableException(id, order.status()));
                    }
                    Instant now = clock.instant();
                    return change(id, OrderStatus.CANCELLED, now, null, changed -> events.cancelled(changed, now))
                            .flatMap(this::view)
                            .switchIfEmpty(Mono.defer(() -> orders.find(id)
                                    .flatMap(current -> current.status() == OrderStatus.CANCELLED
                                            ? view(current)
                                            : Mono.error(new OrderNotCancellableException(id, current.status())))));
                });
    }

    /**
     * Expires the order if it is still unpaid and its hold ended by {@code now}; gives its units back.
     *
     * @return true when this call expired it
     */
    public Mono<Boolean> expire(OrderId id, Instant now) {
        return change(id, OrderStatus.EXPIRED, now, now, changed -> events.expired(changed, now))
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
     * PENDING_PAYMENT to a released status in one transaction (status, history, sold, event), then the Redis release.
     * When the release fails the hold stays in Redis until the reconciler releases it (the order is not live).
     */
    private Mono<Order> change(
            OrderId id,
            OrderStatus to,
            Instant now,
            Instant dueBy,
            java.util.function.Function<Order, Mono<Void>> event) {
        Mono<Order> changed = orders.transition(id, OrderStatus.PENDING_PAYMENT, to, dueBy)
                .flatMap(order -> orders.addHistory(id, to, now)
                        .then(orders.giveBackUnits(order.dropId(), order.quantity()))
                        .then(event.apply(order))
                        .thenReturn(order));
        return transactions
                .transactional(changed)
                .flatMap(order -> store.release(order.dropId(), order.id())
                        .doOnNext(released -> {
                            if (!released) {
                                log.warn("order {} was {} but Redis held nothing for it", id, to);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("order {} is {} but its Redis hold was not released: {}", id, to, e.toString());
                            return Mono.just(false);
                        })
                        .thenReturn(order));
    }

    /** The units live orders hold per drop, for reconciliation: every order of a drop. */
    public Flux<Order> ordersOf(DropId drop) {
        return orders.byDrop(drop);
    }
}
