package dev.tarsspeedy.order.lifecycle;

/**
 * Who asks an order to change: its buyer, an operator, or the service itself (jobs, the payment service's answers,
 * the reservation consumer). {@link OrderStatus} says which of them may take which step.
 */
public enum Actor {
    /** The order's buyer (the caller was checked to be its buyer). */
    BUYER,
    /** An operator acting for the buyer: may do what the buyer may. */
    ADMIN,
    /** The service: payments, expiry, the delivery and return steps. */
    SYSTEM
}
