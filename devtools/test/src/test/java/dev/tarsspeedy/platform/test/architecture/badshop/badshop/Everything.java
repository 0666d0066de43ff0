package dev.tarsspeedy.platform.test.architecture.badshop.badshop;

/** A feature named after its service. */
public class Everything {}
