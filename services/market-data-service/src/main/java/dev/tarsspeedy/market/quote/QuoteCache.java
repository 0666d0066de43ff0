package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The latest quote per symbol and the day's intraday series, shared by every instance (Redis). */
public interface QuoteCache {

    Mono<Quote> latest(Symbol symbol);

    /** The cached quotes of {@code symbols}; symbols without one are missing from the map. */
    Mono<Map<Symbol, Quote>> latest(Collection<Symbol> symbols);

    Mono<Void> save(Quote quote);

    /** Adds the quote's price to its trading day's series (trimmed to the newest points, expiring). */
    Mono<Void> addIntraday(Quote quote);

    /** The day's series, oldest first. */
    Flux<IntradayPoint> intraday(Symbol symbol, LocalDate day);

    /** Whether the closing fetch of the market's session on {@code day} was done (by any instance). */
    Mono<Boolean> closingFetchDone(Market market, LocalDate day);

    Mono<Void> markClosingFetchDone(Market market, LocalDate day);
}
