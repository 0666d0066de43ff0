package dev.tarsspeedy.payment.checkout.client;

import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * The order service's internal API (not routed by the gateway), a declarative HTTP client of the {@code order} group
 * ({@code spring.http.serviceclient.order.*}).
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface OrderServiceApi {

    /** 200 the order, 404 when there is none. */
    @GetExchange("/internal/orders/{orderId}")
    Mono<OrderView> order(@PathVariable UUID orderId);

    /** {@code GET /internal/orders/{id}}'s body. */
    record OrderView(
            UUID orderId,
            UUID userId,
            String status,
            long amount,
            String productName,
            int quantity,
            Instant expiresAt) {}
}
