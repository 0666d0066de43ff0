package dev.tarsspeedy.platform.test.architecture.badshop.ids;

/** A grab-bag package. */
public record CartId(String value) {}
