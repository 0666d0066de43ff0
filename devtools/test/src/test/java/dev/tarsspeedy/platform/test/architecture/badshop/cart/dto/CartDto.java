package dev.tarsspeedy.platform.test.architecture.badshop.cart.dto;

/** A package inside a feature that is no role. */
public record CartDto(String id) {}
