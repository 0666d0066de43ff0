package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one quote means for alerts with one session preference: the value now and before in each space an alert can
 * watch.
 *
 * @param previousPrice {@code null} when the symbol had no earlier price: nothing can have been crossed
 * @param move the day's move in percent; {@code null} when the previous close is unknown
 * @param previousMove the move of the previous price ({@code 0} on a new trading day)
 * @param intraday the quote is live or delayed (not an end-of-day close)
 */
public record QuoteFacts(
        BigDecimal price,
        BigDecimal previousPrice,
        BigDecimal move,
        BigDecimal previousMove,
        BigDecimal high52w,
        BigDecimal low52w,
        Instant asOf,
        LocalDate tradingDay,
        boolean intraday) {

    /** The value before and now in a space; either may be {@code null}. */
    public record Range(BigDecimal previous, BigDecimal current) {

        public boolean known() {
            return previous != null && current != null;
        }
    }

    public Range in(Watch.Space space) {
        return switch (space) {
            case PRICE -> new Range(previousPrice, price);
            case MOVE -> new Range(previousMove, move);
            case ABS_MOVE -> new Range(abs(previousMove), abs(move));
        };
    }

    /** The price reached the 52-week high from below it. */
    public boolean reachedHigh52w() {
        return high52w != null
                && previousPrice != null
                && previousPrice.compareTo(high52w) < 0
                && price.compareTo(high52w) >= 0;
    }

    /** The price reached the 52-week low from above it. */
    public boolean reachedLow52w() {
        return low52w != null
                && previousPrice != null
                && previousPrice.compareTo(low52w) > 0
                && price.compareTo(low52w) <= 0;
    }

    private static BigDecimal abs(BigDecimal value) {
        return value == null ? null : value.abs();
    }
}
