package dev.tarsspeedy.market.symbol;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The symbol master's table. */
public interface SymbolRepository {

    /** Every row, listed or not. */
    Flux<ListedSymbol> findAll();

    Mono<ListedSymbol> find(Symbol symbol);

    /** How many rows there are and when the last was written: what tells an instance its index is out of date. */
    Mono<MasterVersion> version();

    /**
     * Inserts or updates the listings as listed, written at {@code now}. A name a listing lacks keeps the row's
     * (one provider gives the Korean name, another the English one). Returns the rows written.
     */
    Mono<Long> upsert(List<Listing> listings, Instant now);

    /**
     * Up to {@code limit} listed symbols of {@code market} without an English name, in a random order: a symbol no
     * provider can name must not hold the others back run after run.
     */
    Flux<Symbol> missingEnglishNames(Market market, int limit);

    /** Marks the market's listed rows not in {@code stillListed} as delisted; returns how many. */
    Mono<Long> markDelisted(Market market, Collection<Symbol> stillListed, Instant now);

    /**
     * @param rows how many rows the table has
     * @param lastUpdate when the last was written, {@code null} for an empty table
     */
    record MasterVersion(long rows, Instant lastUpdate) {}
}
