package dev.tarsspeedy.webapp.drops.client;

import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The order service's buy call, through the gateway. */
@HttpExchange
public interface BuyClient {

    record Quantity(int quantity) {}

    record Accepted(UUID orderId, String status, Instant expiresAt) {}

    /** The same {@code Idempotency-Key} again (the same buyer) answers the same order and takes nothing more. */
    @PostExchange("/api/drops/{dropId}/orders")
    Mono<Accepted> buy(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestHeader("Idempotency-Key") String idempotencyKey,
            @PathVariable UUID dropId,
            @RequestBody Quantity quantity);
}
