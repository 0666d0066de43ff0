package dev.tarsspeedy.market.quote.web;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.quote.HistoryRange;
import dev.tarsspeedy.market.quote.QuoteService;
import dev.tarsspeedy.market.quote.QuoteSettings;
import dev.tarsspeedy.market.quote.web.QuoteResponses.HistoryResponse;
import dev.tarsspeedy.market.quote.web.QuoteResponses.QuoteResponse;
import dev.tarsspeedy.market.quote.web.QuoteResponses.QuotesResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Quotes, price history and a quote stream, public through the gateway. A listed symbol without a quote yet is
 * fetched on demand while its market is in session (within the budget and {@code fetchTimeout}); otherwise, or when
 * that fails, it is a 404 {@code no-quote-yet} problem with {@code Retry-After}.
 */
@RestController
class QuoteController {

    private final QuoteService quotes;
    private final QuoteSettings settings;

    QuoteController(QuoteService quotes, QuoteSettings settings) {
        this.quotes = quotes;
        this.settings = settings;
    }

    @GetMapping("/api/market/quotes")
    Mono<QuotesResponse> quotes(@RequestParam(name = "symbols", required = false) String symbols) {
        return Mono.defer(() -> {
            List<Symbol> asked = List.copyOf(symbols(symbols, settings.maxSymbolsPerRequest()));
            return quotes.quotes(asked).map(found -> {
                List<QuoteResponse> views =
                        found.stream().map(QuoteResponse::of).toList();
                List<String> missing = new ArrayList<>();
                for (Symbol symbol : asked) {
                    if (found.stream().noneMatch(quote -> quote.symbol().equals(symbol))) {
                        missing.add(symbol.code());
                    }
                }
                return new QuotesResponse(views, missing);
            });
        });
    }

    @GetMapping(path = "/api/market/quotes/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<QuoteResponse>> stream(@RequestParam(name = "symbols", required = false) String symbols) {
        return Flux.defer(() -> {
            Set<Symbol> followed = symbols(symbols, settings.maxStreamSymbols());
            Flux<ServerSentEvent<QuoteResponse>> updates = quotes.stream(followed)
                    .map(quote -> ServerSentEvent.builder(QuoteResponse.of(quote))
                            .event("quote")
                            .id(quote.symbol().code() + "@"
                                    + quote.provider().asOf().toEpochMilli())
                            .build());
            Flux<ServerSentEvent<QuoteResponse>> heartbeats = Flux.interval(settings.heartbeat())
                    .map(tick -> ServerSentEvent.<QuoteResponse>builder()
                            .comment("heartbeat")
                            .build());
            return Flux.merge(updates, heartbeats);
        });
    }

    @GetMapping("/api/market/quotes/{symbol}")
    Mono<QuoteResponse> quote(@PathVariable String symbol) {
        return Mono.defer(() -> quotes.quote(symbol(symbol)))
                .map(QuoteResponse::of)
                .onErrorMap(QuoteProblems::translate);
    }

    @GetMapping("/api/market/quotes/{symbol}/history")
    Mono<HistoryResponse> history(
            @PathVariable String symbol, @RequestParam(name = "range", defaultValue = "1d") String range) {
        return Mono.defer(() -> {
                    Symbol parsed = symbol(symbol);
                    HistoryRange chosen = HistoryRange.parse(range).orElseThrow(() -> QuoteProblems.badRange(range));
                    return quotes.history(parsed, chosen);
                })
                .map(HistoryResponse::of)
                .onErrorMap(QuoteProblems::translate);
    }

    private static Symbol symbol(String text) {
        if (!Symbol.isWellFormed(text)) {
            throw QuoteProblems.malformedSymbol(text);
        }
        return Symbol.parse(text);
    }

    /** The comma-separated symbols, each well formed, at most {@code most} distinct ones. */
    private static Set<Symbol> symbols(String text, int most) {
        if (text == null || text.isBlank()) {
            throw QuoteProblems.noSymbols();
        }
        String[] parts = text.split(",", -1);
        if (parts.length > most) {
            throw QuoteProblems.tooManySymbols(parts.length, most);
        }
        Set<Symbol> symbols = new LinkedHashSet<>();
        for (String part : parts) {
            symbols.add(symbol(part));
        }
        return symbols;
    }
}
