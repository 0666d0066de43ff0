package dev.tarsspeedy.webapp.orders.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The buyer's orders (order service) and their payment (payment service), through the gateway. */
@HttpExchange
public interface OrderClient {

    record Step(String status, Instant at) {}

    record Order(
            UUID id,
            UUID dropId,
            String productName,
            int quantity,
            long amount,
            String status,
            Instant expiresAt,
            Instant createdAt,
            Instant paidAt,
            Instant deliveredAt,
            Instant refundedAt,
            List<Step> history) {

        public Order {
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    record OrderPage(List<Order> items, int page, int size, long total) {}

    record PaymentStart(UUID paymentId, String redirectUrl) {}

    record Payment(UUID paymentId, UUID orderId, String status, long amount, Instant approvedAt, Instant refundedAt) {}

    @GetExchange("/api/orders")
    Mono<OrderPage> orders(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestParam int page,
            @RequestParam int size);

    @GetExchange("/api/orders/{id}")
    Mono<Order> order(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @PostExchange("/api/orders/{id}/cancel")
    Mono<Order> cancel(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @PostExchange("/api/orders/{id}/return")
    Mono<Order> giveBack(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @PostExchange("/api/orders/{id}/payment")
    Mono<PaymentStart> pay(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @GetExchange("/api/payments/{paymentId}")
    Mono<Payment> payment(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID paymentId);
}
