package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.DropId;

/** A drop's stock as the order service counts it. */
public record StockLevel(DropId dropId, int remaining, int sold) {}
