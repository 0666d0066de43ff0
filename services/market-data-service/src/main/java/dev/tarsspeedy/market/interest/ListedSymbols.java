package dev.tarsspeedy.market.interest;

import dev.tarsspeedy.market.Symbol;
import reactor.core.publisher.Mono;

/** Whether a symbol is in the symbol master: interest in an unknown symbol is ignored. */
public interface ListedSymbols {

    Mono<Boolean> isListed(Symbol symbol);
}
