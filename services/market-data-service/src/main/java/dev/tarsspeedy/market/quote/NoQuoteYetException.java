package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Symbol;

/** A listed symbol has no quote yet, and none could be fetched now (market closed, providers busy or down). */
public class NoQuoteYetException extends RuntimeException {

    private final transient Symbol symbol;

    public NoQuoteYetException(Symbol symbol) {
        super("no quote of " + symbol + " yet", null, false, false);
        this.symbol = symbol;
    }

    public Symbol symbol() {
        return symbol;
    }
}
