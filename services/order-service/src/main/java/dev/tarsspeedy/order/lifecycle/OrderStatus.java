package dev.tarsspeedy.order.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order is, and the steps it may take from there with who may take them (docs/order-lifecycle.md has the
 * diagram):
 *
 * <pre>
 * PENDING_PAYMENT -> PAID (system: payment approved in time) | EXPIRED (system: hold ended) | CANCELLED (buyer, admin)
 * PAID            -> PREPARING (system, delivery job)        | CANCELLED (buyer, admin)
 * PREPARING       -> SHIPPING (system, delivery job)         | CANCELLED (buyer, admin)
 * SHIPPING        -> DELIVERED (system, delivery job)
 * DELIVERED       -> RETURN_REQUESTED (buyer, admin; within the return window)
 * RETURN_REQUESTED -> RETURNED (system, return job)
 * CANCELLED, EXPIRED, REJECTED, RETURNED: final
 * </pre>
 */
public enum OrderStatus {
    PENDING_PAYMENT(true),
    PAID(true),
    PREPARING(true),
    SHIPPING(true),
    DELIVERED(true),
    /** The buyer asked to return a delivered order; the units come back when it is RETURNED. */
    RETURN_REQUESTED(true),
    CANCELLED(false),
    EXPIRED(false),
    /** The database refused the units (possible only after Redis lost a drop); never held anything. */
    REJECTED(false),
    RETURNED(false);

    private static final Set<Actor> PEOPLE = EnumSet.of(Actor.BUYER, Actor.ADMIN);
    private static final Set<Actor> SERVICE = EnumSet.of(Actor.SYSTEM);
    private static final Map<OrderStatus, Map<OrderStatus, Set<Actor>>> STEPS = new EnumMap<>(OrderStatus.class);

    static {
        step(PENDING_PAYMENT, PAID, SERVICE);
        step(PENDING_PAYMENT, EXPIRED, SERVICE);
        step(PENDING_PAYMENT, CANCELLED, PEOPLE);
        step(PAID, PREPARING, SERVICE);
        step(PAID, CANCELLED, PEOPLE);
        step(PREPARING, SHIPPING, SERVICE);
        step(PREPARING, CANCELLED, PEOPLE);
        step(SHIPPING, DELIVERED, SERVICE);
        step(DELIVERED, RETURN_REQUESTED, PEOPLE);
        step(RETURN_REQUESTED, RETURNED, SERVICE);
    }

    private static void step(OrderStatus from, OrderStatus to, Set<Actor> by) {
        STEPS.computeIfAbsent(from, status -> new EnumMap<>(OrderStatus.class)).put(to, by);
    }

    private final boolean holdsStock;

    OrderStatus(boolean holdsStock) {
        this.holdsStock = holdsStock;
    }

    /** Whether the order's units are taken from the drop (a live order). */
    public boolean holdsStock() {
        return holdsStock;
    }

    /** Whether an order in this status may move to {@code to} at all. */
    public boolean canMoveTo(OrderStatus to) {
        return STEPS.getOrDefault(this, Map.of()).containsKey(to);
    }

    /** Whether {@code actor} may move an order from this status to {@code to}. */
    public boolean canMoveTo(OrderStatus to, Actor actor) {
        return STEPS.getOrDefault(this, Map.of()).getOrDefault(to, Set.of()).contains(actor);
    }

    /** No step leads anywhere from here. */
    public boolean isFinal() {
        return !STEPS.containsKey(this);
    }

    /** A buyer may still cancel: unpaid, or paid and not shipped yet. */
    public boolean isCancellable() {
        return canMoveTo(CANCELLED);
    }

    /** Moving here from a live status gives the order's units back to the drop. */
    public boolean givesBackUnitsFrom(OrderStatus from) {
        return from.holdsStock && !holdsStock;
    }

    /** The delivery job's next step from here: PAID to PREPARING to SHIPPING to DELIVERED; empty elsewhere. */
    public Optional<OrderStatus> nextDeliveryStep() {
        return switch (this) {
            case PAID -> Optional.of(PREPARING);
            case PREPARING -> Optional.of(SHIPPING);
            case SHIPPING -> Optional.of(DELIVERED);
            default -> Optional.empty();
        };
    }
}
