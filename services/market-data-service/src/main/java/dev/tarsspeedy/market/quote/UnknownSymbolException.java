package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Symbol;

/** The symbol is well formed but not listed. */
public class UnknownSymbolException extends RuntimeException {

    private final transient Symbol symbol;

    public UnknownSymbolException(Symbol symbol) {
        super("no listed stock has the symbol " + symbol, null, false, false);
        this.symbol = symbol;
    }

    public Symbol symbol() {
        return symbol;
    }
}
