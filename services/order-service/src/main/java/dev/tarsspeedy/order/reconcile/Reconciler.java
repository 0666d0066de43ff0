package dev.tarsspeedy.order.reconcile;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.buying.DropNotFoundException;
import dev.tarsspeedy.order.lifecycle.Order;
import dev.tarsspeedy.order.lifecycle.OrderQuery;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.DropKeysMissing;
import dev.tarsspeedy.order.sale.Hold;
import dev.tarsspeedy.order.sale.LoadResult;
import dev.tarsspeedy.order.sale.SaleRepository;
import dev.tarsspeedy.order.sale.SaleSnapshot;
import dev.tarsspeedy.order.sale.SaleStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.scheduler.Schedulers;

/**
 * Checks Redis against the database, which is the source of truth: for a drop, {@code stock + held = quantity} in
 * Redis, and the reservations Redis holds are the orders the database has live (once reservations on their way have
 * arrived). Repairs what it can (releases holds of released orders, adopts live orders Redis does not hold, corrects
 * the stock) and rebuilds a drop whose keys are gone. Blocking: runs on the scheduler's thread or bounded-elastic.
 */
@Service
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SaleRepository sales;
    private final SaleStore store;
    private final DropCatalog catalog;
    private final OrderQuery orders;
    private final ReconciliationRepository reconciliations;
    private final ReservationBacklog backlog;
    private final ReconcileSettings properties;
    private final Clock clock;
    private final Set<DropId> rebuilding = ConcurrentHashMap.newKeySet();
    /** Per drop in or near its window (a handful): units sold by the database's count, and the drop's quantity. */
    private final MultiGauge soldUnits;

    private final MultiGauge quantityUnits;

    public Reconciler(
            SaleRepository sales,
            SaleStore store,
            DropCatalog catalog,
            OrderQuery orders,
            ReconciliationRepository reconciliations,
            ReservationBacklog backlog,
            ReconcileSettings properties,
            Clock clock,
            MeterRegistry meters) {
        this.sales = sales;
        this.store = store;
        this.catalog = catalog;
        this.orders = orders;
        this.reconciliations = reconciliations;
        this.backlog = backlog;
        this.properties = properties;
        this.clock = clock;
        this.soldUnits = MultiGauge.builder("speedy.drop.sold.units")
                .description("Units sold (held by live orders) per drop, by the database, at the last reconciliation")
                .register(meters);
        this.quantityUnits = MultiGauge.builder("speedy.drop.quantity.units")
                .description("Units on sale per drop")
                .register(meters);
    }

    /** Every drop in or near its window (the scheduled job). */
    public List<Reconciliation> reconcileAll() {
        List<Reconciliation> results = new ArrayList<>();
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> sold = new ArrayList<>();
        List<MultiGauge.Row<?>> quantity = new ArrayList<>();
        for (Drop drop : catalog.relevant(now)) {
            try {
                results.add(reconcile(drop.id()));
                Tags tags = Tags.of("drop", drop.id().toString());
                sold.add(MultiGauge.Row.of(
                        tags, sales.sold(drop.id()).blockOptional(WAIT).orElse(0)));
                quantity.add(MultiGauge.Row.of(tags, drop.quantity()));
            } catch (RuntimeException e) {
                log.warn("could not reconcile drop {}: {}", drop.id(), e.toString());
            }
        }
        // Drops that left their window leave the gauges: the label set stays as small as the drops on sale.
        soldUnits.register(sold, true);
        quantityUnits.register(quantity, true);
        return results;
    }

    /** Asked for by the buy path when a drop's keys are gone: rebuilds it in the background, once at a time. */
    @EventListener
    public void onKeysMissing(DropKeysMissing missing) {
        DropId drop = missing.dropId();
        if (!rebuilding.add(drop)) {
            return;
        }
        Schedulers.boundedElastic().schedule(() -> {
            try {
                reconcile(drop);
            } catch (RuntimeException e) {
                log.warn("could not rebuild drop {}: {}", drop, e.toString());
            } finally {
                rebuilding.remove(drop);
            }
        });
    }

    /** Reconciles one drop and records the result. */
    public Reconciliation reconcile(DropId id) {
        Drop drop = sales.find(id).blockOptional(WAIT).orElseThrow(() -> new DropNotFoundException(id));
        catalog.put(drop);
        Reconciliation result = check(drop);
        reconciliations.save(result).block(WAIT);
        if (result.state() != ReconcileState.CONSISTENT) {
            log.warn("drop {} reconciled: {} ({})", id, result.state(), result.detail());
        }
        return result;
    }

    private Reconciliation check(Drop drop) {
        Instant now = clock.instant();
        SaleSnapshot snapshot = store.snapshot(drop.id()).block(WAIT);
        if (snapshot == null) {
            if (drop.notYetOpenAt(now)) {
                LoadResult loaded = store.load(drop, true).block(WAIT);
                return result(drop, ReconcileState.REBUILT, "keys were missing before opening: " + loaded);
            }
            if (drop.closedAt(now)) {
                return result(drop, ReconcileState.CONSISTENT, "drop closed; no Redis keys, the database answers");
            }
            // Reservations accepted before the loss may still be on their way to the database: let them arrive.
            awaitConsumerCaughtUp();
            Boolean rebuilt = rebuild(drop);
            if (Boolean.TRUE.equals(rebuilt)) {
                return result(drop, ReconcileState.REBUILT, "keys were missing; rebuilt from the database");
            }
            snapshot = store.snapshot(drop.id()).block(WAIT);
            if (snapshot == null) {
                return result(drop, ReconcileState.DRIFT, "keys missing and could not be rebuilt");
            }
        }
        return compare(drop, snapshot);
    }

    /**
     * Waits the settle delay (reservations still in the relay's hands reach Kafka), then until the order consumer has
     * stored everything on the reservation topic, at most {@code order.reconcile.catch-up-timeout}. The database guard
     * keeps the sale right if it gives up: it only makes later rejections less likely.
     */
    private void awaitConsumerCaughtUp() {
        sleep(properties.settleDelay());
        Instant deadline = Instant.now().plus(properties.catchUpTimeout());
        long pending = backlog.pending();
        while (pending != 0 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
            pending = backlog.pending();
        }
        if (pending != 0) {
            log.warn("rebuilding with {} reservations not yet stored (consumer lag unknown or not caught up)", pending);
        }
    }

    private Boolean rebuild(Drop drop) {
        List<Order> all = orders.ordersOf(drop.id()).collectList().block(WAIT);
        int sold = sales.sold(drop.id()).blockOptional(WAIT).orElse(0);
        List<Hold> live = all.stream()
                .filter(order -> order.status().holdsStock())
                .map(order -> new Hold(order.id(), order.userId(), order.quantity()))
                .toList();
        Map<String, String> replays = new LinkedHashMap<>();
        for (Order order : all) {
            replays.put(
                    order.userId() + ":" + order.idempotencyKey(),
                    order.id() + "|" + order.expiresAt().toEpochMilli() + "|" + order.quantity());
        }
        Boolean rebuilt =
                store.rebuild(drop, drop.quantity() - sold, live, replays).block(WAIT);
        log.info(
                "drop {}: Redis keys {} from the database (sold {}, {} live orders)",
                drop.id(),
                Boolean.TRUE.equals(rebuilt) ? "rebuilt" : "already back",
                sold,
                live.size());
        return rebuilt;
    }

    private Reconciliation compare(Drop drop, SaleSnapshot snapshot) {
        List<String> repaired = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        Map<OrderId, Order> all = byId(drop);
        Map<OrderId, Hold> held = snapshot.holds().stream().collect(Collectors.toMap(Hold::orderId, h -> h));

        // Held in Redis, not live in the database: released orders whose release did not reach Redis, or
        // reservations still on their way (stream, Kafka, consumer).
        List<Hold> unknown = new ArrayList<>();
        for (Hold hold : snapshot.holds()) {
            Order order = all.get(hold.orderId());
            if (order == null) {
                unknown.add(hold);
            } else if (!order.status().holdsStock()) {
                releaseStale(drop, order, repaired);
            }
        }
        List<String> onTheirWay = new ArrayList<>();
        if (!unknown.isEmpty()) {
            sleep(properties.settleDelay());
            all = byId(drop);
            SaleSnapshot later = store.snapshot(drop.id()).block(WAIT);
            Set<OrderId> stillHeld = later == null
                    ? Set.of()
                    : later.holds().stream().map(Hold::orderId).collect(Collectors.toSet());
            // Under load the relay or the consumer may trail by more than the settle delay: a hold is only drift when
            // nothing is on its way any more (stream empty, consumer caught up). Kafka away: lag unknown, drift.
            long inStream = later == null ? 0 : later.pendingInStream();
            long lag = backlog.pending();
            boolean inFlight = inStream > 0 || lag > 0;
            for (Hold hold : unknown) {
                Order order = all.get(hold.orderId());
                if (order == null && stillHeld.contains(hold.orderId())) {
                    if (inFlight) {
                        onTheirWay.add(hold.orderId().toString());
                    } else {
                        drift.add("reservation " + hold.orderId() + " held in Redis but not in the database after "
                                + properties.settleDelay());
                    }
                } else if (order != null && !order.status().holdsStock() && stillHeld.contains(hold.orderId())) {
                    releaseStale(drop, order, repaired);
                }
            }
            if (!onTheirWay.isEmpty()) {
                log.debug(
                        "drop {}: {} reservations on their way to the database ({} in the stream, consumer lag {})",
                        drop.id(),
                        onTheirWay.size(),
                        inStream,
                        lag);
            }
        }

        // Live in the database, not held in Redis: persisted after a rebuild, or released in Redis only.
        for (Order order : all.values()) {
            if (order.status().holdsStock() && !held.containsKey(order.id())) {
                Boolean adopted = store.adopt(drop.id(), new Hold(order.id(), order.userId(), order.quantity()))
                        .block(WAIT);
                if (Boolean.TRUE.equals(adopted)) {
                    repaired.add("adopted live order " + order.id() + " into Redis");
                } else {
                    // Already held by now (it arrived meanwhile) or no stock left to take it from.
                    SaleSnapshot now = store.snapshot(drop.id()).block(WAIT);
                    boolean heldNow = now != null
                            && now.holds().stream().anyMatch(h -> h.orderId().equals(order.id()));
                    if (!heldNow) {
                        drift.add("live order " + order.id() + " not held in Redis and no stock to hold it");
                    }
                }
            }
        }

        SaleSnapshot after = store.snapshot(drop.id()).block(WAIT);
        if (after != null && after.stock() + after.held() != after.quantity()) {
            Integer corrected = store.correctStock(drop.id()).block(WAIT);
            repaired.add("stock " + after.stock() + " + held " + after.held() + " != quantity " + after.quantity()
                    + "; stock set to " + corrected);
        }

        // sold and the live orders change together in the consumer's transactions, but are read one after the other:
        // while orders arrive, the two reads see different moments. Only a difference between two reads of the orders
        // that agree with each other is drift.
        int liveUnits = liveUnits(all);
        int sold = sales.sold(drop.id()).blockOptional(WAIT).orElse(0);
        for (int read = 0; read < 3 && sold != liveUnits; read++) {
            int first = liveUnits(byId(drop));
            sold = sales.sold(drop.id()).blockOptional(WAIT).orElse(0);
            int second = liveUnits(byId(drop));
            if (first != second) {
                onTheirWay.add("orders arriving");
                sleep(Duration.ofMillis(200));
            }
            liveUnits = second;
        }
        if (sold != liveUnits && onTheirWay.isEmpty()) {
            drift.add("database sold " + sold + " but live orders hold " + liveUnits);
        }

        if (repaired.isEmpty() && drift.isEmpty()) {
            return result(
                    drop,
                    ReconcileState.CONSISTENT,
                    "stock " + snapshot.stock() + " + held " + snapshot.held() + " = quantity " + snapshot.quantity()
                            + (onTheirWay.isEmpty()
                                    ? ""
                                    : "; reservations on their way to the database, checked again next time"));
        }
        List<String> detail = new ArrayList<>(drift);
        detail.addAll(repaired.stream().map(text -> "repaired: " + text).toList());
        return result(drop, ReconcileState.DRIFT, String.join("; ", detail));
    }

    private void releaseStale(Drop drop, Order order, List<String> repaired) {
        Boolean released = store.release(drop.id(), order.id()).block(WAIT);
        if (Boolean.TRUE.equals(released)) {
            repaired.add("released the hold of " + order.status() + " order " + order.id());
        }
    }

    private static int liveUnits(Map<OrderId, Order> orders) {
        return orders.values().stream()
                .filter(order -> order.status().holdsStock())
                .mapToInt(Order::quantity)
                .sum();
    }

    private Map<OrderId, Order> byId(Drop drop) {
        return orders.ordersOf(drop.id()).collectList().block(WAIT).stream()
                .collect(Collectors.toMap(Order::id, Function.identity()));
    }

    private Reconciliation result(Drop drop, ReconcileState state, String detail) {
        return new Reconciliation(drop.id(), state, clock.instant(), detail);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
