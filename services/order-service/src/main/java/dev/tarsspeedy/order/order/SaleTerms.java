package dev.tarsspeedy.order.order;

/** The drop copy's terms an order is priced with. */
public record SaleTerms(long price, String productName) {}
