package dev.tarsspeedy.contracts.order;

import java.util.Objects;
import java.util.UUID;

/**
 * The order service wants the money of a paid order given back: the order was cancelled before shipping, returned,
 * or paid when it could no longer be (expired or cancelled first; the payment then must not stand).
 *
 * <p>Published by the order service through its outbox to {@link #TOPIC}, keyed by the order id. The payment service
 * refunds each payment at most once, however often the request arrives.
 *
 * @param orderId the order
 * @param paymentId the payment to give back
 * @param reason {@link Reason}
 */
public record RefundRequested(UUID orderId, UUID paymentId, Reason reason) {

    /** {@code Topics.name("order", "RefundRequested", 1)}. */
    public static final String TOPIC = "order.refund-requested.v1";

    public static final String TYPE = "RefundRequested";
    public static final int VERSION = 1;

    public RefundRequested {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reason, "reason");
    }

    public enum Reason {
        /** The buyer cancelled a paid order before it shipped. */
        CANCELLED,
        /** The buyer returned a delivered order. */
        RETURNED,
        /** The payment arrived after the order had expired or been cancelled. */
        ORDER_NOT_PAYABLE
    }
}
