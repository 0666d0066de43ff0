package dev.tarsspeedy.order.lifecycle;

/** Why the order service asks for a payment back (the names of the refund request's reasons). */
public enum RefundReason {
    /** The buyer cancelled a paid order before it shipped. */
    CANCELLED,
    /** The buyer returned a delivered order. */
    RETURNED,
    /** The payment arrived when the order could no longer be paid (expired, cancelled, or paid already). */
    ORDER_NOT_PAYABLE
}
