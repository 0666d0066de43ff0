package dev.tarsspeedy.webapp.drops.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;
import reactor.core.publisher.Mono;

/** The catalog's public API (drops, products, the wishlist), through the gateway. */
@HttpExchange
public interface CatalogClient {

    record Product(UUID id, String name, String description, String imageUrl) {}

    /**
     * A drop as the catalog shows it.
     *
     * @param remaining units left; {@code null} when unknown
     * @param status {@code UPCOMING}, {@code OPEN}, {@code SOLD_OUT} or {@code CLOSED}
     */
    record Drop(
            UUID id,
            Product product,
            long price,
            int quantity,
            Integer remaining,
            int perUserLimit,
            Instant opensAt,
            Instant closesAt,
            String status) {}

    record DropPage(List<Drop> content, int page, int size, long total) {}

    @GetExchange("/api/drops")
    Mono<DropPage> drops(
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestParam(required = false) String status,
            @RequestParam int page,
            @RequestParam int size);

    @GetExchange("/api/drops/{id}")
    Mono<Drop> drop(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @PathVariable UUID id);

    @GetExchange("/api/wishlist")
    Mono<List<Drop>> wishlist(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @PutExchange("/api/wishlist/{dropId}")
    Mono<Void> wish(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID dropId);

    @DeleteExchange("/api/wishlist/{dropId}")
    Mono<Void> unwish(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID dropId);
}
