package dev.tarsspeedy.market.quote.web;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.quote.HistoryRange;
import dev.tarsspeedy.market.quote.Quote;
import dev.tarsspeedy.market.quote.QuoteService;
import dev.tarsspeedy.market.quote.QuoteSettings;
import dev.tarsspeedy.market.quote.web.QuoteResponses.HistoryResponse;
import dev.tarsspeedy.market.quote.web.QuoteResponses.QuoteResponse;
import dev.tarsspeedy.market.quote.web.QuoteResponses.QuotesResponse;
import dev.tarsspeedy.market.symbol.SymbolMaster;
import dev.tarsspeedy.market.symbol.UnknownSymbolException;
import dev.tarsspeedy.platform.caller.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final SymbolMaster master;

    QuoteController(QuoteService quotes, QuoteSettings settings, SymbolMaster master) {
        this.quotes = quotes;
        this.settings = settings;
        this.master = master;
    }

    @GetMapping("/api/market/quotes")
    Mono<QuotesResponse> quotes(
            @RequestParam(name = "symbols", required = false) String symbols,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return Mono.defer(() -> {
            List<Symbol> asked = List.copyOf(symbols(symbols, settings.maxSymbolsPerRequest()));
            Language language = Language.preferredBy(acceptLanguage);
            return quotes.quotes(asked)
                    .flatMap(found -> Flux.fromIterable(found)
                            .concatMap(quote -> view(quote, language))
                            .collectList()
                            .map(views -> {
                                List<String> missing = new ArrayList<>();
                                for (Symbol symbol : asked) {
                                    if (found.stream()
                                            .noneMatch(quote -> quote.symbol().equals(symbol))) {
                                        missing.add(symbol.code());
                                    }
                                }
                                return new QuotesResponse(views, missing);
                            }));
        });
    }

    /** The quote with its listing's name in the reader's language (none when the master does not know it). */
    private Mono<QuoteResponse> view(Quote quote, Language language) {
        return master.find(quote.symbol())
                .map(listed -> listed.name(language == Language.KO))
                .map(name -> QuoteResponse.of(quote, name))
                .onErrorResume(UnknownSymbolException.class, unknown -> Mono.just(QuoteResponse.of(quote, null)));
    }

    @GetMapping(path = "/api/market/quotes/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<QuoteResponse>> stream(
            @RequestParam(name = "symbols", required = false) String symbols,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return Flux.defer(() -> {
            Set<Symbol> followed = symbols(symbols, settings.maxStreamSymbols());
            Language language = Language.preferredBy(acceptLanguage);
            Flux<ServerSentEvent<QuoteResponse>> updates = quotes.stream(followed)
                    .concatMap(quote -> view(quote, language))
                    .map(view -> ServerSentEvent.builder(view)
                            .event("quote")
                            .id(view.symbol() + "@" + view.asOf().toEpochMilli())
                            .build());
            Flux<ServerSentEvent<QuoteResponse>> heartbeats = Flux.interval(settings.heartbeat())
                    .map(tick -> ServerSentEvent.<QuoteResponse>builder()
                            .comment("heartbeat")
                            .build());
            return Flux.merge(updates, heartbeats);
        });
    }

    @GetMapping("/api/market/quotes/{symbol}")
    Mono<QuoteResponse> quote(
            @PathVariable String symbol,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return Mono.defer(() -> quotes.quote(symbol(symbol)))
                .flatMap(quote -> view(quote, Language.preferredBy(acceptLanguage)))
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
