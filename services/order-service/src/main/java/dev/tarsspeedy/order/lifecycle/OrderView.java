package dev.tarsspeedy.order.lifecycle;

import java.util.List;

/** An order with its history, as its buyer sees it. */
public record OrderView(Order order, List<StatusChange> history) {}
