package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.Symbol;

/** The market-data service lists no stock under the symbol. */
public class UnknownSymbolException extends RuntimeException {

    private final transient Symbol symbol;

    public UnknownSymbolException(Symbol symbol) {
        super("no listed stock " + symbol);
        this.symbol = symbol;
    }

    public Symbol symbol() {
        return symbol;
    }
}
