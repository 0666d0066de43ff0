package dev.tarsspeedy.order.order;

/** Where an order is (docs/order-lifecycle.md has the diagram and who moves each step). */
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

    private final boolean holdsStock;

    OrderStatus(boolean holdsStock) {
        this.holdsStock = holdsStock;
    }

    /** Whether the order's units are taken from the drop (a live order). */
    public boolean holdsStock() {
        return holdsStock;
    }
}
