package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.OrderId;
import java.time.Instant;

/**
 * A step the order's status does not lead to ({@code PAID} to {@code EXPIRED}), that this actor may not take (the
 * service cancelling, a buyer shipping), or that is not due yet ({@link #dueAt()}).
 */
public class OrderStepRefusedException extends OrderRefusedException {

    private final OrderStatus to;
    private final Actor actor;
    private final Instant dueAt;

    public OrderStepRefusedException(OrderId orderId, OrderStatus status, OrderStatus to, Actor actor, Instant dueAt) {
        super(
                orderId,
                status,
                "order " + orderId + " is " + status + ": " + actor + " may not move it to " + to
                        + (dueAt == null ? "" : " before " + dueAt));
        this.to = to;
        this.actor = actor;
        this.dueAt = dueAt;
    }

    public OrderStatus to() {
        return to;
    }

    public Actor actor() {
        return actor;
    }

    /** When the step becomes due, {@code null} when it is not a question of time. */
    public Instant dueAt() {
        return dueAt;
    }
}
