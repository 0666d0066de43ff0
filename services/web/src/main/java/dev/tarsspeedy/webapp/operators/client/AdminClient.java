package dev.tarsspeedy.webapp.operators.client;

import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The operators' API (role ADMIN): products and drops (catalog), a drop's stats (order service). */
@HttpExchange
public interface AdminClient {

    record NewProduct(String name, String description, String imageUrl) {}

    record Product(UUID id, String name, String description, String imageUrl, Instant createdAt) {}

    record NewDrop(
            UUID productId, Long price, Integer quantity, Integer perUserLimit, Instant opensAt, Instant closesAt) {}

    record DropChange(Long price, Integer quantity, Integer perUserLimit, Instant opensAt, Instant closesAt) {}

    record Created(UUID id) {}

    record Reconciliation(String state, Instant checkedAt, String detail) {}

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
}
