package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.DropId;

/** A drop's Redis keys are gone while it is on sale: it needs a rebuild from the database (application event). */
public record DropKeysMissing(DropId dropId) {}
