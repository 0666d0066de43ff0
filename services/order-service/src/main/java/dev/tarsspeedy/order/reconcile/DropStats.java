package dev.tarsspeedy.order.reconcile;

import dev.tarsspeedy.order.DropId;

/** A drop's numbers for operators. */
public record DropStats(
        DropId dropId, int quantity, int sold, int remaining, long liveOrders, Reconciliation reconciliation) {}
