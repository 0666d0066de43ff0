package dev.tarsspeedy.order.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The order events and emails other services read, written in the caller's transaction (outbox). */
public interface OrderEvents {

    /** An {@code OrderPlaced} per order, in the list's order. */
    Mono<Void> placed(List<Order> orders);

    Mono<Void> cancelled(Order order, Instant at);

    Mono<Void> expired(Order order, Instant at);

    /** The order is PAID ({@code OrderPaid}). */
    Mono<Void> paid(Order order);

    /** Asks the payment service to give a payment back ({@code RefundRequested}). */
    Mono<Void> refundRequested(Order order, UUID paymentId, RefundReason reason);

    /** The buyer's order confirmation email ({@code order-confirmed}); nothing when the order has no address. */
    Mono<Void> confirmationEmail(Order order);

    /** One email for the order's new status ({@code order-status-changed}); nothing when it has no address. */
    Mono<Void> statusEmail(Order order, OrderStatus status);
}
