package dev.tarsspeedy.webapp.alerts.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The alert service's price alert API, through the gateway. */
@HttpExchange
public interface AlertClient {

    /**
     * An alert.
     *
     * @param kind {@code PRICE_ABOVE}, {@code PRICE_BELOW} or {@code MOVE_PERCENT}
     * @param status {@code ARMED}, {@code REARMING}, {@code FIRED} or {@code EXPIRED}
     */
    record Alert(
            UUID id,
            String symbol,
            String stockName,
            String kind,
            BigDecimal price,
            BigDecimal percent,
            String direction,
            String mode,
            String status,
            Instant lastFiredAt,
            Instant createdAt) {}

    record Alerts(List<Alert> items) {}

    /** A new alert, or a change to one ({@code null} fields: as they are; the symbol cannot change). */
    record AlertInput(
            String symbol, String kind, BigDecimal price, BigDecimal percent, String direction, String mode) {}

    /** One firing: what crossed, at what price and when. */
    record Fired(
            UUID alertId,
            String symbol,
            String stockName,
            String kind,
            BigDecimal line,
            BigDecimal percent,
            String direction,
            BigDecimal price,
            String currency,
            Instant firedAt) {}

    record FiredPage(List<Fired> items, int page, int size, long total) {}

    @GetExchange("/api/alerts")
    Mono<Alerts> alerts(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @GetExchange("/api/alerts/{id}")
    Mono<Alert> alert(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @PostExchange("/api/alerts")
    Mono<Alert> create(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestBody AlertInput alert);

    @PatchExchange("/api/alerts/{id}")
    Mono<Alert> change(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id,
            @RequestBody AlertInput change);

    @DeleteExchange("/api/alerts/{id}")
    Mono<Void> delete(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable UUID id);

    @GetExchange("/api/alerts/events")
    Mono<FiredPage> fired(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestParam int page,
            @RequestParam int size);
}
