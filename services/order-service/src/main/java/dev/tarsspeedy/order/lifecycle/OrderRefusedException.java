package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.OrderId;

/**
 * The order refused a change (the state rules of {@link Order}): an answer, not a failure, so it carries no stack
 * trace. The subclasses are the refusals a buyer sees as problems.
 */
public class OrderRefusedException extends RuntimeException {

    private final OrderId orderId;
    private final OrderStatus status;

    public OrderRefusedException(OrderId orderId, OrderStatus status, String message) {
        super(message, null, false, false);
        this.orderId = orderId;
        this.status = status;
    }

    public OrderId orderId() {
        return orderId;
    }

    /** The order's status when it refused. */
    public OrderStatus status() {
        return status;
    }
}
