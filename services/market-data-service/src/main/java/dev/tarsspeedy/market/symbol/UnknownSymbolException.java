package dev.tarsspeedy.market.symbol;

import dev.tarsspeedy.market.Symbol;

/** A well-formed symbol that the symbol master does not have. */
public final class UnknownSymbolException extends RuntimeException {

    private final Symbol symbol;

    public UnknownSymbolException(Symbol symbol) {
        super("no listed stock has the symbol " + symbol, null, false, false);
        this.symbol = symbol;
    }

    public Symbol symbol() {
        return symbol;
    }
}
