package dev.tarsspeedy.catalog.drop;

import java.util.List;

/** One page of a listing: {@code page} counts from 0; {@code total} is the number of matching drops. */
public record DropPage(List<DropView> items, int page, int size, long total) {}
