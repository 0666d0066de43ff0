package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.OrderId;
import java.time.Instant;

/**
 * A payment came for an order that can no longer be paid: not unpaid any more (expired, cancelled, paid with another
 * payment), or approved when its hold had ended ({@link #holdEndedAt()}). The payment is to be given back.
 */
public class OrderNotPayableException extends OrderRefusedException {

    private final Instant holdEndedAt;

    public OrderNotPayableException(OrderId orderId, OrderStatus status, Instant holdEndedAt) {
        super(
                orderId,
                status,
                "order " + orderId + " is " + status + (holdEndedAt == null ? "" : ", hold ended " + holdEndedAt));
        this.holdEndedAt = holdEndedAt;
    }

    /** When the hold ended, if that is why; {@code null} when the order was not unpaid. */
    public Instant holdEndedAt() {
        return holdEndedAt;
    }
}
