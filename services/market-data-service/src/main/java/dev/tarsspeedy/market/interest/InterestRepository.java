package dev.tarsspeedy.market.interest;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The latest interest per symbol, kept across restarts. */
public interface InterestRepository {

    /**
     * Stores {@code interest} unless the stored state of its symbol is as new or newer.
     *
     * @return true when it was stored (it is now the symbol's latest state)
     */
    Mono<Boolean> save(Interest interest);

    /** The followed symbols of {@code market} (watchers + alerts > 0), with their alert lines. */
    Flux<Interest> followed(Market market);

    /** The symbol's latest state, empty when no event named it yet. */
    Mono<Interest> find(Symbol symbol);
}
