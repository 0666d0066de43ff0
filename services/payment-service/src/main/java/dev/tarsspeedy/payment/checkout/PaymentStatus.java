package dev.tarsspeedy.payment.checkout;

/**
 * Where a payment is. {@code READY}: Kakaopay's ready answered, the buyer is on Kakaopay's page. {@code APPROVING}:
 * the buyer came back with a pg_token and approve was called; until its answer (or the reconciliation) the outcome is
 * open. {@code APPROVED}: Kakaopay took the money. {@code CANCELLED}: the buyer cancelled on Kakaopay's page. {@code
 * FAILED}: Kakaopay refused, the order could no longer be paid, or reconciliation found no payment. {@code REFUNDING}:
 * a refund was requested and Kakaopay's cancel is under way. {@code REFUNDED}: the money was given back.
 */
public enum PaymentStatus {
    READY,
    APPROVING,
    APPROVED,
    CANCELLED,
    FAILED,
    REFUNDING,
    REFUNDED;

    /** At most one payment per order is live: a new one may start only when none is. */
    public boolean live() {
        return this == READY || this == APPROVING || this == APPROVED;
    }
}
