package dev.tarsspeedy.market.provider;

import dev.tarsspeedy.market.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/** A stock's 52-week high and low as a provider keeps them (both positive, the low not above the high). */
public record YearHighLow(Symbol symbol, BigDecimal high, BigDecimal low) {

    public YearHighLow {
        Objects.requireNonNull(symbol, "symbol");
        if (high == null || low == null || low.signum() <= 0 || low.compareTo(high) > 0) {
            throw new IllegalArgumentException(
                    "a 52-week range is positive, low to high: " + symbol + " " + low + " " + high);
        }
    }
}
