package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.SaleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders as their buyers, the payment service and reconciliation read them: stored, or (just after the 202, before
 * the consumer stored it) still a reservation in Redis.
 */
@Service
public class OrderQuery {

    private final OrderRepository orders;
    private final SaleStore store;
    private final DropCatalog catalog;
    private final Duration hold;
    private final Clock clock;

    public OrderQuery(
            OrderRepository orders, SaleStore store, DropCatalog catalog, LifecycleSettings settings, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.catalog = catalog;
        this.hold = settings.expiry().hold();
        this.clock = clock;
    }

    /** The buyer's order; just after the 202, before it is stored, its reservation in Redis. */
    public Mono<OrderView> get(OrderId id, UserId user) {
        return orders.find(id)
                .filter(order -> order.belongsTo(user))
                .flatMap(this::view)
                .switchIfEmpty(Mono.defer(() -> reserved(id, user)))
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(id)));
    }

    /** The order with its history. */
    Mono<OrderView> view(Order order) {
        return orders.history(order.id()).collectList().map(history -> new OrderView(order, history));
    }

    /** The buyer's reservation in Redis, not stored as an order yet. */
    Mono<OrderView> reserved(OrderId id, UserId user) {
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
        Instant reservedAt = expiresAt.minus(hold);
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

    /** An order as the cluster-internal API shows it (payment service): stored, or still a reservation in Redis. */
    public Mono<Order> internal(OrderId id) {
        return orders.find(id)
                .switchIfEmpty(Mono.defer(() -> Flux.fromIterable(catalog.relevant(clock.instant()))
                        .concatMap(drop -> store.reservation(drop.id(), id)
                                .map(found ->
                                        reservedOrder(drop, found.userId(), id, found.quantity(), found.expiresAt())))
                        .next()));
    }

    /** The units live orders hold per drop, for reconciliation: every order of a drop. */
    public Flux<Order> ordersOf(DropId drop) {
        return orders.byDrop(drop);
    }
}
