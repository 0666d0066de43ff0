package dev.tarsspeedy.market.provider;

import dev.tarsspeedy.market.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One trading day of a stock: open, high, low, close and volume, as a provider gave it (prices positive). */
public record DailyBar(
        Symbol symbol,
        LocalDate date,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        long volume,
        ProviderName source) {

    public DailyBar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(source, "source");
        if (close.signum() <= 0) {
            throw new IllegalArgumentException("a close is positive: " + symbol + " " + date + " " + close);
        }
    }
}
