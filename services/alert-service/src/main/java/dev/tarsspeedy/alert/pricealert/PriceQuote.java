package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A quote as the evaluation reads it (the {@code QuoteUpdated} event's fields it needs).
 *
 * @param freshness {@code null} when the label is unknown
 */
public record PriceQuote(
        Symbol symbol,
        String currency,
        BigDecimal price,
        BigDecimal previousClose,
        BigDecimal changePercent,
        BigDecimal high52w,
        BigDecimal low52w,
        String source,
        Instant asOf,
        Freshness freshness,
        LocalDate tradingDay,
        boolean inSession) {

    static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Whether any alert may read it: a positive price (the contract promises one; a 0 is a provider's "no data"), a
     * known freshness that is not STALE, and a time.
     */
    public boolean evaluable() {
        return price != null
                && price.signum() > 0
                && asOf != null
                && tradingDay != null
                && freshness != null
                && freshness != Freshness.STALE;
    }

    /** The previous close, or the one the change percent implies; {@code null} when neither is known. */
    BigDecimal referenceClose() {
        if (previousClose != null && previousClose.signum() > 0) {
            return previousClose;
        }
        if (changePercent != null) {
            BigDecimal factor = BigDecimal.ONE.add(changePercent.divide(HUNDRED, PRECISION));
            return factor.signum() > 0 ? price.divide(factor, PRECISION) : null;
        }
        return null;
    }

    /** The move of {@code value} from the reference close, in percent; {@code null} when it is unknown. */
    BigDecimal moveOf(BigDecimal value) {
        BigDecimal close = referenceClose();
        if (close == null || value == null) {
            return null;
        }
        return value.subtract(close).multiply(HUNDRED).divide(close, PRECISION);
    }
}
