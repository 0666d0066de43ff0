package dev.tarsspeedy.catalog.drop;

/** A drop's stock as the order service counts it. */
public record StockLevel(DropId dropId, int remaining, int sold) {}
