package dev.tarsspeedy.standin.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One trading day of a listing, the history the FSC service serves and the quotes agree with: prices on the market's
 * grid, {@code turnover} in the market's currency.
 */
public record DailyBar(
        LocalDate day,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        long volume,
        long turnover) {}
