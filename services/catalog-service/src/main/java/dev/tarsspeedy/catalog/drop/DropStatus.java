package dev.tarsspeedy.catalog.drop;

/** Where a drop is in its life, as shoppers see it. */
public enum DropStatus {
    /** Before {@code opensAt}. */
    UPCOMING,
    /** From {@code opensAt} until {@code closesAt}, while stock remains (or its remaining stock is unknown). */
    OPEN,
    /** In the sale window with nothing left. */
    SOLD_OUT,
    /** After {@code closesAt}, or stopped by an operator. */
    CLOSED
}
