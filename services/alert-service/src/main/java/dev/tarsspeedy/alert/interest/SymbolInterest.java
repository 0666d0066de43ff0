package dev.tarsspeedy.alert.interest;

import dev.tarsspeedy.alert.Symbol;
import reactor.core.publisher.Mono;

/**
 * Tells the market-data service who follows a symbol, so it polls exactly the followed symbols. Every change of a
 * watchlist or of a price alert calls {@link #changed} inside its own transaction: the {@code SymbolInterestChanged}
 * event (the symbol's whole current state: watchers, armed alerts, alert lines) goes into the outbox with the change,
 * so the market-data service never misses one.
 */
public interface SymbolInterest {

    /** Recomputes the symbol's interest and writes the event; call it in the transaction that changed it. */
    Mono<Void> changed(Symbol symbol);
}
