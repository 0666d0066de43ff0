package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.market.Market;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One trading day of a market: when its regular session opens and closes. A late open (KRX's first trading day of
 * the year, the college entrance exam day) or an early close (the US day after Thanksgiving) is in the times and
 * named in {@code note}.
 *
 * @param market the market
 * @param date the trading day in the market's own zone
 * @param opens when the regular session opens
 * @param closes when it closes
 * @param note why the times differ from the usual ones, {@code null} on an ordinary day
 */
public record Session(Market market, LocalDate date, Instant opens, Instant closes, String note) {

    public Session {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("a session closes after it opens: " + opens + " " + closes);
        }
    }

    /** Whether the regular session runs at {@code instant} (open inclusive, close exclusive). */
    public boolean isOpenAt(Instant instant) {
        return !instant.isBefore(opens) && instant.isBefore(closes);
    }
}
