package dev.tarsspeedy.order.lifecycle;

import static dev.tarsspeedy.order.lifecycle.OrderStatus.CANCELLED;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.DELIVERED;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.EXPIRED;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.PAID;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.PENDING_PAYMENT;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.PREPARING;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.REJECTED;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.RETURNED;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.RETURN_REQUESTED;
import static dev.tarsspeedy.order.lifecycle.OrderStatus.SHIPPING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of steps: which status leads where, and who may take each step. */
class OrderStatusTest {

    private static final Set<Actor> PEOPLE = EnumSet.of(Actor.BUYER, Actor.ADMIN);
    private static final Set<Actor> SERVICE = EnumSet.of(Actor.SYSTEM);

    /** Every allowed step with its actors; any pair not listed is refused to everyone. */
    private static final Map<OrderStatus, Map<OrderStatus, Set<Actor>>> STEPS = Map.of(
            PENDING_PAYMENT, Map.of(PAID, SERVICE, EXPIRED, SERVICE, CANCELLED, PEOPLE),
            PAID, Map.of(PREPARING, SERVICE, CANCELLED, PEOPLE),
            PREPARING, Map.of(SHIPPING, SERVICE, CANCELLED, PEOPLE),
            SHIPPING, Map.of(DELIVERED, SERVICE),
            DELIVERED, Map.of(RETURN_REQUESTED, PEOPLE),
            RETURN_REQUESTED, Map.of(RETURNED, SERVICE));

    @Test
    void everyStepAndOnlyTheseStepsAreAllowedToTheirActors() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                Set<Actor> movers = STEPS.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(!movers.isEmpty());
                for (Actor actor : Actor.values()) {
                    assertThat(from.canMoveTo(to, actor))
                            .as(from + " -> " + to + " by " + actor)
                            .isEqualTo(movers.contains(actor));
                }
            }
        }
    }

    @Test
    void cancelledExpiredRejectedAndReturnedAreFinal() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isFinal))
                .containsExactlyInAnyOrder(CANCELLED, EXPIRED, REJECTED, RETURNED);
    }

    @Test
    void onlyUnshippedOrdersAreCancellable() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isCancellable))
                .containsExactlyInAnyOrder(PENDING_PAYMENT, PAID, PREPARING);
    }

    @Test
    void liveOrdersHoldStockUntilTheyEnd() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::holdsStock))
                .containsExactlyInAnyOrder(PENDING_PAYMENT, PAID, PREPARING, SHIPPING, DELIVERED, RETURN_REQUESTED);
        assertThat(CANCELLED.givesBackUnitsFrom(PAID)).isTrue();
        assertThat(EXPIRED.givesBackUnitsFrom(PENDING_PAYMENT)).isTrue();
        assertThat(RETURNED.givesBackUnitsFrom(RETURN_REQUESTED)).isTrue();
        assertThat(PREPARING.givesBackUnitsFrom(PAID)).isFalse();
        assertThat(REJECTED.givesBackUnitsFrom(REJECTED)).isFalse();
    }

    @Test
    void theDeliveryStepsGoFromPaidToDelivered() {
        assertThat(PAID.nextDeliveryStep()).contains(PREPARING);
        assertThat(PREPARING.nextDeliveryStep()).contains(SHIPPING);
        assertThat(SHIPPING.nextDeliveryStep()).contains(DELIVERED);
        for (OrderStatus other : EnumSet.complementOf(EnumSet.of(PAID, PREPARING, SHIPPING))) {
            assertThat(other.nextDeliveryStep()).as(other.name()).isEmpty();
        }
    }
}
