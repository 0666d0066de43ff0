package dev.tarsspeedy.alert.watchlist.web;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.market.MarketData;
import dev.tarsspeedy.alert.market.web.MarketDataProblems;
import dev.tarsspeedy.alert.watchlist.AlertsOnRemoval;
import dev.tarsspeedy.alert.watchlist.WatchedStock;
import dev.tarsspeedy.alert.watchlist.WatchlistService;
import dev.tarsspeedy.alert.watchlist.WatchlistView;
import dev.tarsspeedy.platform.caller.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in user's watchlist, {@code /api/watchlist}: {@code PUT /{symbol}} adds a stock at the end,
 * {@code PUT /api/watchlist} with {@code {"order": [...]}} (every watched symbol once) reorders it,
 * {@code DELETE /{symbol}} removes one ({@code ?alerts=delete|keep} when it has price alerts), {@code GET} lists it
 * with the latest quotes ({@code quote: null} and {@code quotesAvailable: false} while market data is unreachable).
 */
@RestController
class WatchlistController {

    private final WatchlistService watchlist;

    WatchlistController(WatchlistService watchlist) {
        this.watchlist = watchlist;
    }

    @GetMapping("/api/watchlist")
    Mono<WatchlistResponse> list(Caller caller) {
        return Mono.defer(() -> watchlist.view(
                        new UserId(caller.id()), caller.language().tag()))
                .map(WatchlistResponse::of);
    }

    @GetMapping("/api/watchlist/{symbol}")
    Mono<Item> get(@PathVariable String symbol, Caller caller) {
        return Mono.defer(() -> watchlist.entry(
                        new UserId(caller.id()),
                        symbol(symbol),
                        caller.language().tag()))
                .map(Item::of)
                .onErrorMap(WatchlistProblems::translate);
    }

    /** Adds the stock last; idempotent. 404 {@code unknown-symbol}, 409 {@code watchlist-full}. */
    @PutMapping("/api/watchlist/{symbol}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> add(@PathVariable String symbol, Caller caller) {
        return Mono.defer(() -> watchlist.add(
                        new UserId(caller.id()),
                        symbol(symbol),
                        caller.language().tag()))
                .onErrorMap(WatchlistProblems::translate);
    }

    /** Reorders the whole list: {@code order} names every watched symbol exactly once, first first. */
    @PutMapping("/api/watchlist")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> reorder(@RequestBody OrderRequest request, Caller caller) {
        return Mono.defer(() -> {
                    if (request.order() == null) {
                        return Mono.error(MarketDataProblems.invalidField(
                                "order", "watchlist.order-incomplete", "must name every watched stock exactly once"));
                    }
                    List<Symbol> order = new ArrayList<>();
                    for (String text : request.order()) {
                        order.add(symbol(text, "order"));
                    }
                    return watchlist.reorder(new UserId(caller.id()), order);
                })
                .onErrorMap(WatchlistProblems::translate);
    }

    /**
     * Removes the stock; idempotent. When the user has price alerts on it and {@code alerts} is missing: 409
     * {@code stock-has-alerts} listing them, nothing removed; {@code alerts=delete} removes them too,
     * {@code alerts=keep} keeps them firing.
     */
    @DeleteMapping("/api/watchlist/{symbol}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(
            @PathVariable String symbol,
            @RequestParam(name = "alerts", required = false) String alerts,
            Caller caller) {
        return Mono.defer(() -> {
                    AlertsOnRemoval onAlerts;
                    try {
                        onAlerts = AlertsOnRemoval.parse(alerts);
                    } catch (IllegalArgumentException e) {
                        return Mono.error(MarketDataProblems.invalidField(
                                "alerts", "watchlist.alerts-choice", "must be delete or keep"));
                    }
                    return watchlist.remove(new UserId(caller.id()), symbol(symbol), onAlerts);
                })
                .onErrorMap(WatchlistProblems::translate);
    }

    private static Symbol symbol(String text) {
        return symbol(text, "symbol");
    }

    private static Symbol symbol(String text, String field) {
        try {
            return Symbol.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw WatchlistProblems.malformedSymbol(field);
        }
    }

    record OrderRequest(List<String> order) {}

    record WatchlistResponse(List<Item> items, boolean quotesAvailable) {
        static WatchlistResponse of(WatchlistView view) {
            return new WatchlistResponse(view.items().stream().map(Item::of).toList(), view.quotesAvailable());
        }
    }

    record Item(String symbol, String name, String market, int position, Instant addedAt, QuoteResponse quote) {
        static Item of(WatchedStock stock) {
            return new Item(
                    stock.entry().symbol().code(),
                    stock.name(),
                    stock.entry().market(),
                    stock.entry().position(),
                    stock.entry().addedAt(),
                    stock.quote() == null ? null : QuoteResponse.of(stock.quote()));
        }
    }

    /** The market-data service's quote, as it gave it. */
    record QuoteResponse(
            String symbol,
            String name,
            String market,
            String currency,
            BigDecimal price,
            BigDecimal change,
            BigDecimal changePercent,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal previousClose,
            Long volume,
            BigDecimal high52w,
            BigDecimal low52w,
            String source,
            Instant asOf,
            String freshness,
            LocalDate tradingDay,
            boolean inSession,
            boolean simulated) {
        static QuoteResponse of(MarketData.Quote quote) {
            return new QuoteResponse(
                    quote.symbol().code(),
                    quote.name(),
                    quote.market(),
                    quote.currency(),
                    quote.price(),
                    quote.change(),
                    quote.changePercent(),
                    quote.open(),
                    quote.high(),
                    quote.low(),
                    quote.previousClose(),
                    quote.volume(),
                    quote.high52w(),
                    quote.low52w(),
                    quote.source(),
                    quote.asOf(),
                    quote.freshness(),
                    quote.tradingDay(),
                    quote.inSession(),
                    quote.simulated());
        }
    }
}
