package dev.tarsspeedy.order.lifecycle.web;

import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.lifecycle.OrderQuery;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Orders for the payment service: cluster-internal, without a token, like {@code /internal/drops/stock}. The gateway
 * does not route {@code /internal/**}; the network must keep it unreachable from outside (see the README).
 */
@RestController
class InternalOrderController {

    private final OrderQuery orders;

    InternalOrderController(OrderQuery orders) {
        this.orders = orders;
    }

    /** The shape the payment service reads (its {@code OrderServiceApi.OrderView}). */
    record InternalOrder(
            UUID orderId,
            UUID userId,
            String status,
            long amount,
            String productName,
            int quantity,
            Instant expiresAt) {}

    @GetMapping("/internal/orders/{id}")
    Mono<InternalOrder> order(@PathVariable UUID id) {
        return orders.internal(OrderId.of(id))
                .map(order -> new InternalOrder(
                        order.id().value(),
                        order.userId().value(),
                        order.status().name(),
                        order.amount(),
                        order.productName(),
                        order.quantity(),
                        order.expiresAt()))
                .switchIfEmpty(Mono.error(() -> OrderProblems.internalNotFound(id)));
    }
}
