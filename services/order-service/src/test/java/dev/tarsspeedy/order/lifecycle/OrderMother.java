package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Orders in any status for the lifecycle's unit tests: {@code OrderMother.order().paid().build()}. */
final class OrderMother {

    static final Instant RESERVED = Instant.parse("2026-11-21T10:00:00Z");
    static final Duration HOLD = Duration.ofMinutes(10);
    static final UserId BUYER = UserId.of(UUID.fromString("00000000-0000-0000-0000-00000000b0b0"));
    static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private OrderStatus status = OrderStatus.PENDING_PAYMENT;
    private UUID paymentId;
    private Instant paidAt;
    private Instant deliveredAt;
    private Instant statusChangedAt = RESERVED;

    private OrderMother() {}

    static OrderMother order() {
        return new OrderMother();
    }

    /** Paid a minute after the reservation. */
    OrderMother paid() {
        return in(OrderStatus.PAID, RESERVED.plusSeconds(60)).payment(PAYMENT, RESERVED.plusSeconds(60));
    }

    /** In {@code status} since {@code since}. */
    OrderMother in(OrderStatus status, Instant since) {
        this.status = status;
        this.statusChangedAt = since;
        return this;
    }

    OrderMother payment(UUID paymentId, Instant paidAt) {
        this.paymentId = paymentId;
        this.paidAt = paidAt;
        return this;
    }

    /** DELIVERED at {@code at}, paid before. */
    OrderMother deliveredAt(Instant at) {
        paid();
        this.status = OrderStatus.DELIVERED;
        this.statusChangedAt = at;
        this.deliveredAt = at;
        return this;
    }

    Order build() {
        return new Order(
                OrderId.of(UUID.fromString("00000000-0000-0000-0000-0000000000c1")),
                DropId.of(UUID.fromString("00000000-0000-0000-0000-0000000000d1")),
                BUYER,
                2,
                20_000,
                "Speedy tee",
                status,
                "key-1",
                RESERVED,
                RESERVED.plus(HOLD),
                RESERVED,
                "minji@example.com",
                "ko",
                paymentId,
                paidAt,
                deliveredAt,
                null,
                statusChangedAt);
    }
}
