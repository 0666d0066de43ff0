package dev.tarsspeedy.order.lifecycle;

/** The drop copy's terms an order is priced with. */
public record SaleTerms(long price, String productName) {}
