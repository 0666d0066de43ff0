/**
 * The order lifecycle: an order from its stored reservation through payment, delivery, return and refund, or to its
 * cancellation or expiry (docs/order-lifecycle.md). Named after what it covers, the life of an order after the buy,
 * rather than after the order itself (the service is the order service) or one of its steps: expiry, delivery and
 * returns are steps of the same state machine and share its rules. {@link dev.tarsspeedy.order.lifecycle.Order} and
 * {@link dev.tarsspeedy.order.lifecycle.OrderStatus} hold the rules, {@link dev.tarsspeedy.order.lifecycle.OrderService}
 * coordinates (load, ask the order, store with a conditional update, publish), the jobs take the timed steps.
 */
package dev.tarsspeedy.order.lifecycle;
