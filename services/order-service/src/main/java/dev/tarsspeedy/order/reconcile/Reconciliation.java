package dev.tarsspeedy.order.reconcile;

import dev.tarsspeedy.order.DropId;
import java.time.Instant;

/** The last reconciliation of a drop. */
public record Reconciliation(DropId dropId, ReconcileState state, Instant checkedAt, String detail) {}
