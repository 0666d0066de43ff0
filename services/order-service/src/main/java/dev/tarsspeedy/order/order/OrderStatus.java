package dev.tarsspeedy.order.order;

/** Where an order is; payment and delivery states arrive with the payment and delivery features. */
public enum OrderStatus {
    PENDING_PAYMENT(true),
    PAID(true),
    PREPARING(true),
    SHIPPING(true),
    DELIVERED(true),
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
