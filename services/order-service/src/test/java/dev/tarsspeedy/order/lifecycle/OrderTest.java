package dev.tarsspeedy.order.lifecycle;

import static dev.tarsspeedy.order.lifecycle.OrderMother.BUYER;
import static dev.tarsspeedy.order.lifecycle.OrderMother.HOLD;
import static dev.tarsspeedy.order.lifecycle.OrderMother.PAYMENT;
import static dev.tarsspeedy.order.lifecycle.OrderMother.RESERVED;
import static dev.tarsspeedy.order.lifecycle.OrderMother.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The order's state rules: every step it takes, every refusal, who may ask and when (docs/order-lifecycle.md). */
class OrderTest {

    private static final Instant EXPIRES = RESERVED.plus(HOLD);
    private static final Duration AFTER = Duration.ofDays(1);
    private static final Duration WINDOW = Duration.ofDays(1);

    @Nested
    class Placing {

        @Test
        void unitsTakenMakeAnUnpaidOrderPricedByTheTerms() {
            Order placed = placed(true);
            assertThat(placed.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(placed.amount()).isEqualTo(3 * 1_500);
            assertThat(placed.productName()).isEqualTo("cap");
            assertThat(placed.statusChangedAt()).isEqualTo(placed.createdAt());
            assertThat(placed.holdsStock()).isTrue();
        }

        @Test
        void unitsRefusedByTheDatabaseMakeARejectedOrder() {
            Order placed = placed(false);
            assertThat(placed.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(placed.holdsStock()).isFalse();
        }

        private Order placed(boolean unitsTaken) {
            return Order.placed(
                    OrderId.random(),
                    DropId.of(UUID.randomUUID()),
                    BUYER,
                    3,
                    new SaleTerms(1_500, "cap"),
                    "k",
                    RESERVED,
                    EXPIRES,
                    RESERVED.plusMillis(40),
                    null,
                    "en",
                    unitsTaken);
        }
    }

    @Test
    void onlyItsBuyerOwnsTheOrder() {
        assertThat(order().build().belongsTo(BUYER)).isTrue();
        assertThat(order().build().belongsTo(UserId.of(UUID.randomUUID()))).isFalse();
    }

    @Nested
    class Paying {

        @Test
        void aPaymentApprovedBeforeTheHoldEndedMakesItPaidFromTheApproval() {
            Instant approved = EXPIRES.minusSeconds(1);
            Order paid = order().build().pay(PAYMENT, approved, approved.plusSeconds(5));
            assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
            assertThat(paid.paymentId()).isEqualTo(PAYMENT);
            assertThat(paid.paidAt()).isEqualTo(approved);
            assertThat(paid.statusChangedAt()).isEqualTo(approved);
        }

        @Test
        void anApprovalTimeAheadOfTheServicesClockCountsFromNow() {
            Instant now = RESERVED.plusSeconds(60);
            Order paid = order().build().pay(PAYMENT, now.plusSeconds(2), now);
            assertThat(paid.paidAt()).isEqualTo(now.plusSeconds(2));
            assertThat(paid.statusChangedAt()).isEqualTo(now);
        }

        @Test
        void theSamePaymentAgainChangesNothing() {
            Order paid = order().paid().build();
            assertThat(paid.pay(PAYMENT, EXPIRES.plusSeconds(60), EXPIRES.plusSeconds(60)))
                    .isSameAs(paid);
        }

        @Test
        void aPaymentApprovedWhenTheHoldHadEndedIsRefusedWithTheEndOfTheHold() {
            assertThatThrownBy(() -> order().build().pay(PAYMENT, EXPIRES, EXPIRES))
                    .isInstanceOfSatisfying(OrderNotPayableException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
                        assertThat(refused.holdEndedAt()).isEqualTo(EXPIRES);
                    });
        }

        @Test
        void anOrderThatIsNotUnpaidRefusesAnotherPayment() {
            for (OrderStatus status : EnumSet.complementOf(EnumSet.of(OrderStatus.PENDING_PAYMENT))) {
                Order order = order().in(status, RESERVED)
                        .payment(UUID.randomUUID(), RESERVED)
                        .build();
                assertThatThrownBy(() -> order.pay(PAYMENT, RESERVED.plusSeconds(1), RESERVED.plusSeconds(1)))
                        .as(status.name())
                        .isInstanceOfSatisfying(OrderNotPayableException.class, refused -> {
                            assertThat(refused.status()).isEqualTo(status);
                            assertThat(refused.holdEndedAt()).isNull();
                        });
            }
        }
    }

    @Nested
    class Expiring {

        @Test
        void anUnpaidOrderExpiresOnceItsHoldEnded() {
            Order expired = order().build().expire(EXPIRES);
            assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(expired.statusChangedAt()).isEqualTo(EXPIRES);
            assertThat(expired.givesBackUnitsFrom(order().build())).isTrue();
            assertThat(expired.refundDue()).isEmpty();
        }

        @Test
        void notBeforeItsHoldEnded() {
            assertThatThrownBy(() -> order().build().expire(EXPIRES.minusMillis(1)))
                    .isInstanceOfSatisfying(OrderStepRefusedException.class, refused -> {
                        assertThat(refused.to()).isEqualTo(OrderStatus.EXPIRED);
                        assertThat(refused.dueAt()).isEqualTo(EXPIRES);
                    });
        }

        @Test
        void anExpiredOrderStaysAsItIs() {
            Order expired = order().in(OrderStatus.EXPIRED, EXPIRES).build();
            assertThat(expired.expire(EXPIRES.plusSeconds(60))).isSameAs(expired);
        }

        @Test
        void onlyUnpaidOrdersExpire() {
            for (OrderStatus status :
                    EnumSet.complementOf(EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED))) {
                Order order = order().in(status, RESERVED).build();
                assertThatThrownBy(() -> order.expire(EXPIRES.plusSeconds(60)))
                        .as(status.name())
                        .isInstanceOfSatisfying(OrderStepRefusedException.class, refused -> {
                            assertThat(refused.status()).isEqualTo(status);
                            assertThat(refused.dueAt()).isNull();
                        });
            }
        }
    }

    @Nested
    class Cancelling {

        @Test
        void theBuyerOrAnOperatorCancelsAnOrderThatHasNotShipped() {
            Instant now = RESERVED.plusSeconds(90);
            for (Actor actor : EnumSet.of(Actor.BUYER, Actor.ADMIN)) {
                for (Order order : new Order[] {
                    order().build(),
                    order().paid().build(),
                    order().paid()
                            .in(OrderStatus.PREPARING, RESERVED.plusSeconds(80))
                            .build()
                }) {
                    Order cancelled = order.cancel(actor, now);
                    assertThat(cancelled.status())
                            .as(order.status() + " by " + actor)
                            .isEqualTo(OrderStatus.CANCELLED);
                    assertThat(cancelled.statusChangedAt()).isEqualTo(now);
                    assertThat(cancelled.givesBackUnitsFrom(order)).isTrue();
                }
            }
        }

        @Test
        void aPaidOrderCancelledAsksForItsPaymentBack() {
            assertThat(order().paid()
                            .build()
                            .cancel(Actor.BUYER, RESERVED.plusSeconds(90))
                            .refundDue())
                    .contains(RefundReason.CANCELLED);
            assertThat(order().build()
                            .cancel(Actor.BUYER, RESERVED.plusSeconds(90))
                            .refundDue())
                    .isEmpty();
        }

        @Test
        void aCancelledOrderStaysAsItIs() {
            Order cancelled = order().in(OrderStatus.CANCELLED, RESERVED).build();
            assertThat(cancelled.cancel(Actor.BUYER, RESERVED.plusSeconds(90))).isSameAs(cancelled);
        }

        @Test
        void shippedOrEndedOrdersAreNotCancellable() {
            for (OrderStatus status : EnumSet.of(
                    OrderStatus.SHIPPING,
                    OrderStatus.DELIVERED,
                    OrderStatus.RETURN_REQUESTED,
                    OrderStatus.RETURNED,
                    OrderStatus.EXPIRED,
                    OrderStatus.REJECTED)) {
                Order order = order().in(status, RESERVED).build();
                assertThatThrownBy(() -> order.cancel(Actor.BUYER, RESERVED.plusSeconds(90)))
                        .as(status.name())
                        .isInstanceOfSatisfying(
                                OrderNotCancellableException.class,
                                refused -> assertThat(refused.status()).isEqualTo(status));
            }
        }

        @Test
        void theServiceNeverCancels() {
            assertThatThrownBy(() -> order().build().cancel(Actor.SYSTEM, RESERVED.plusSeconds(90)))
                    .isInstanceOfSatisfying(OrderStepRefusedException.class, refused -> {
                        assertThat(refused.actor()).isEqualTo(Actor.SYSTEM);
                        assertThat(refused.to()).isEqualTo(OrderStatus.CANCELLED);
                    });
        }
    }

    @Nested
    class Delivering {

        @Test
        void eachStepFollowsTheOneBeforeAfterItsTime() {
            Instant paidAt = RESERVED.plusSeconds(60);
            Order paid = order().paid().build();
            Order preparing = paid.advance(AFTER, paidAt.plus(AFTER));
            assertThat(preparing.status()).isEqualTo(OrderStatus.PREPARING);
            assertThat(preparing.statusChangedAt()).isEqualTo(paidAt.plus(AFTER));
            Instant shipped = paidAt.plus(AFTER).plus(AFTER).plusSeconds(1);
            Order shipping = preparing.advance(AFTER, shipped);
            assertThat(shipping.status()).isEqualTo(OrderStatus.SHIPPING);
            assertThat(shipping.deliveredAt()).isNull();
            Order delivered = shipping.advance(AFTER, shipped.plus(AFTER));
            assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(delivered.deliveredAt()).isEqualTo(shipped.plus(AFTER));
            assertThat(delivered.paymentId()).isEqualTo(PAYMENT);
            assertThat(delivered.givesBackUnitsFrom(shipping)).isFalse();
            assertThat(delivered.refundDue()).isEmpty();
        }

        @Test
        void aStepIsNotTakenBeforeItsTime() {
            Instant paidAt = RESERVED.plusSeconds(60);
            assertThatThrownBy(() -> order().paid()
                            .build()
                            .advance(AFTER, paidAt.plus(AFTER).minusMillis(1)))
                    .isInstanceOfSatisfying(OrderStepRefusedException.class, refused -> {
                        assertThat(refused.to()).isEqualTo(OrderStatus.PREPARING);
                        assertThat(refused.dueAt()).isEqualTo(paidAt.plus(AFTER));
                    });
        }

        @Test
        void ordersOutsideTheDeliveryStepsDoNotMove() {
            for (OrderStatus status :
                    EnumSet.complementOf(EnumSet.of(OrderStatus.PAID, OrderStatus.PREPARING, OrderStatus.SHIPPING))) {
                Order order = order().in(status, RESERVED).build();
                assertThatThrownBy(
                                () -> order.advance(AFTER, RESERVED.plus(AFTER).plus(AFTER)))
                        .as(status.name())
                        .isInstanceOf(OrderStepRefusedException.class);
            }
        }
    }

    @Nested
    class Returning {

        private final Instant delivered = RESERVED.plus(Duration.ofDays(3));

        @Test
        void theBuyerOrAnOperatorAsksWithinTheWindowAfterDelivery() {
            Order order = order().deliveredAt(delivered).build();
            assertThat(order.returnWindowClosesAt(WINDOW)).contains(delivered.plus(WINDOW));
            for (Actor actor : EnumSet.of(Actor.BUYER, Actor.ADMIN)) {
                Order requested = order.requestReturn(actor, WINDOW, delivered.plus(WINDOW));
                assertThat(requested.status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
                assertThat(requested.statusChangedAt()).isEqualTo(delivered.plus(WINDOW));
                assertThat(requested.holdsStock()).isTrue();
            }
        }

        @Test
        void afterTheWindowTheReturnIsRefusedWithItsEnd() {
            Order order = order().deliveredAt(delivered).build();
            assertThatThrownBy(() -> order.requestReturn(
                            Actor.BUYER, WINDOW, delivered.plus(WINDOW).plusMillis(1)))
                    .isInstanceOfSatisfying(OrderNotReturnableException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(OrderStatus.DELIVERED);
                        assertThat(refused.windowClosedAt()).isEqualTo(delivered.plus(WINDOW));
                    });
        }

        @Test
        void onlyADeliveredOrderIsReturnable() {
            for (OrderStatus status : EnumSet.complementOf(
                    EnumSet.of(OrderStatus.DELIVERED, OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED))) {
                Order order = order().in(status, RESERVED).build();
                assertThat(order.returnWindowClosesAt(WINDOW)).isEmpty();
                assertThatThrownBy(() -> order.requestReturn(Actor.BUYER, WINDOW, RESERVED.plusSeconds(60)))
                        .as(status.name())
                        .isInstanceOfSatisfying(OrderNotReturnableException.class, refused -> {
                            assertThat(refused.status()).isEqualTo(status);
                            assertThat(refused.windowClosedAt()).isNull();
                        });
            }
        }

        @Test
        void askingAgainChangesNothingEvenAfterTheWindow() {
            Instant late = delivered.plus(WINDOW).plus(WINDOW);
            for (OrderStatus status : EnumSet.of(OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED)) {
                Order order = order().deliveredAt(delivered)
                        .in(status, delivered.plusSeconds(5))
                        .build();
                assertThat(order.requestReturn(Actor.BUYER, WINDOW, late)).isSameAs(order);
            }
        }

        @Test
        void theServiceNeverAsksForAReturn() {
            Order order = order().deliveredAt(delivered).build();
            assertThatThrownBy(() -> order.requestReturn(Actor.SYSTEM, WINDOW, delivered.plusSeconds(1)))
                    .isInstanceOfSatisfying(
                            OrderStepRefusedException.class,
                            refused -> assertThat(refused.to()).isEqualTo(OrderStatus.RETURN_REQUESTED));
        }

        @Test
        void theReturnJobEndsARequestedReturnAfterItsProcessingTimeAndAsksForThePaymentBack() {
            Instant asked = delivered.plusSeconds(60);
            Order requested = order().deliveredAt(delivered)
                    .in(OrderStatus.RETURN_REQUESTED, asked)
                    .build();
            Order returned = requested.finishReturn(AFTER, asked.plus(AFTER));
            assertThat(returned.status()).isEqualTo(OrderStatus.RETURNED);
            assertThat(returned.statusChangedAt()).isEqualTo(asked.plus(AFTER));
            assertThat(returned.givesBackUnitsFrom(requested)).isTrue();
            assertThat(returned.refundDue()).contains(RefundReason.RETURNED);
            assertThat(returned.finishReturn(AFTER, asked.plus(AFTER).plus(AFTER)))
                    .isSameAs(returned);
        }

        @Test
        void aReturnIsNotEndedBeforeItsProcessingTimeNorWithoutARequest() {
            Instant asked = delivered.plusSeconds(60);
            Order requested = order().deliveredAt(delivered)
                    .in(OrderStatus.RETURN_REQUESTED, asked)
                    .build();
            assertThatThrownBy(() ->
                            requested.finishReturn(AFTER, asked.plus(AFTER).minusMillis(1)))
                    .isInstanceOfSatisfying(
                            OrderStepRefusedException.class,
                            refused -> assertThat(refused.dueAt()).isEqualTo(asked.plus(AFTER)));
            Order notAsked = order().deliveredAt(delivered).build();
            assertThatThrownBy(
                            () -> notAsked.finishReturn(AFTER, asked.plus(AFTER).plus(AFTER)))
                    .isInstanceOfSatisfying(OrderStepRefusedException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(OrderStatus.DELIVERED);
                        assertThat(refused.dueAt()).isNull();
                    });
        }
    }
}
