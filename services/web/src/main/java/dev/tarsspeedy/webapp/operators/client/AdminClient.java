package dev.tarsspeedy.webapp.operators.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * The operators' API (role ADMIN): products and drops (catalog), a drop's stats (order service), the email delivery
 * log (notification service).
 */
@HttpExchange
public interface AdminClient {

    record NewProduct(String name, String description, String imageUrl) {}

    record Product(UUID id, String name, String description, String imageUrl, Instant createdAt) {}

    record NewDrop(
            UUID productId, Long price, Integer quantity, Integer perUserLimit, Instant opensAt, Instant closesAt) {}

    record DropChange(Long price, Integer quantity, Integer perUserLimit, Instant opensAt, Instant closesAt) {}

    record Created(UUID id) {}

    record Reconciliation(String state, Instant checkedAt, String detail) {}

    /** One mail of the delivery log: {@code status} RECEIVED, SENDING, SENT, FAILED or DEAD_LETTERED. */
    record Delivery(
            String idempotencyKey,
            String template,
            String recipient,
            String locale,
            String category,
            String status,
            int attempts,
            String lastError,
            Instant receivedAt,
            Instant sentAt) {}

    record Deliveries(List<Delivery> items, int page, int size, long total) {}

    record Stats(UUID dropId, int quantity, int sold, int remaining, int liveOrders, Reconciliation reconciliation) {}

    @PostExchange("/api/admin/products")
    Mono<Product> createProduct(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestBody NewProduct product);

    @GetExchange("/api/products/{id}")
    Mono<Product> product(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @PathVariable UUID id);

    @PostExchange("/api/admin/drops")
    Mono<Created> createDrop(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestBody NewDrop drop);

    @PatchExchange("/api/admin/drops/{id}")
    Mono<Created> changeDrop(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id,
            @RequestBody DropChange change);

    @PostExchange("/api/admin/drops/{id}/close")
    Mono<Created> closeDrop(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @GetExchange("/api/admin/drops/{id}/stats")
    Mono<Stats> stats(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    /** Filters left {@code null} are not sent; {@code from} and {@code to} are ISO-8601 instants. */
    @GetExchange("/api/notifications/deliveries")
    Mono<Deliveries> deliveries(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam int page,
            @RequestParam int size);
}
