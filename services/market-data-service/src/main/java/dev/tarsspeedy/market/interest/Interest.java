package dev.tarsspeedy.market.interest;

import dev.tarsspeedy.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How many people follow a symbol and where its armed alerts' price lines are, as of {@code changedAt}: the latest
 * state the alert service announced, never a difference.
 *
 * @param symbol the stock
 * @param watchers users with it on their watchlist
 * @param alerts armed price alerts on it
 * @param alertLines the alerts' price lines (empty when none)
 * @param changedAt when the alert service computed this state; a later one replaces it, an earlier one is ignored
 */
public record Interest(Symbol symbol, int watchers, int alerts, List<BigDecimal> alertLines, Instant changedAt) {

    public Interest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(changedAt, "changedAt");
        alertLines = alertLines == null ? List.of() : List.copyOf(alertLines);
        if (watchers < 0 || alerts < 0) {
            throw new IllegalArgumentException("counts are not negative: " + watchers + " " + alerts);
        }
    }

    /** Whether anybody follows the symbol: then it is polled. */
    public boolean followed() {
        return watchers + alerts > 0;
    }
}
