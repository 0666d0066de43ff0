package dev.tarsspeedy.webapp.stocks.client;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;
import reactor.core.publisher.Mono;

/** The alert service's watchlist API, through the gateway. */
@HttpExchange
public interface WatchlistClient {

    /** A watched stock; {@code quote} is {@code null} while market data is unreachable. */
    record Item(String symbol, String name, String market, int position, Instant addedAt, MarketClient.Quote quote) {}

    record Watchlist(List<Item> items, boolean quotesAvailable) {}

    @GetExchange("/api/watchlist")
    Mono<Watchlist> watchlist(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** Adds the stock last; idempotent. */
    @PutExchange("/api/watchlist/{symbol}")
    Mono<Void> add(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable String symbol);

    /** Removes the stock; its price alerts, if any, keep firing ({@code alerts=keep}). */
    @DeleteExchange("/api/watchlist/{symbol}")
    Mono<Void> remove(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @PathVariable String symbol,
            @RequestParam String alerts);
}
