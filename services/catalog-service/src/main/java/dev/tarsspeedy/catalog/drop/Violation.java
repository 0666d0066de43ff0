package dev.tarsspeedy.catalog.drop;

/** One broken rule of a drop's terms: the request field and what is wrong with it. */
public record Violation(String field, String message) {}
