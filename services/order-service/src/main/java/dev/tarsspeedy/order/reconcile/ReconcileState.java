package dev.tarsspeedy.order.reconcile;

/** The outcome of reconciling a drop. */
public enum ReconcileState {
    /** Redis and the database agree. */
    CONSISTENT,
    /** Redis had lost the drop; its keys were rebuilt from the database. */
    REBUILT,
    /** They disagreed; the detail says how and what was repaired. */
    DRIFT
}
