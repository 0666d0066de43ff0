package dev.tarsspeedy.contracts.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How many people follow a symbol now, and where its armed price alerts' lines are: the whole current state, not a
 * difference, so applying an event twice or a replay from the start of the topic is harmless.
 *
 * <p>Published by the alert service to {@link #TOPIC} after every change of a watchlist or of a price alert, keyed by
 * the symbol (one symbol's events stay in order; the topic is compacted, so reading it from the start gives every
 * symbol's latest state). The market-data service polls a symbol while {@code watchers + alerts > 0}, and polls it
 * more often while its price is near one of {@code alertLines}.
 *
 * @param symbol KRX code or US ticker
 * @param watchers users with the symbol on their watchlist
 * @param alerts armed price alerts on the symbol
 * @param alertLines the price lines of armed above/below alerts, at most {@link #MAX_LINES} (the closest to the price
 *     when the event was written), empty when none
 * @param changedAt when the alert service computed this state; a consumer keeps the latest
 */
public record SymbolInterestChanged(
        String symbol, int watchers, int alerts, List<BigDecimal> alertLines, Instant changedAt) {

    public static final String TOPIC = "alert.symbol-interest-changed.v1";
    public static final String TYPE = "SymbolInterestChanged";
    public static final int VERSION = 1;
    public static final int MAX_LINES = 64;

    public SymbolInterestChanged {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(changedAt, "changedAt");
        alertLines = alertLines == null ? List.of() : List.copyOf(alertLines);
        if (watchers < 0 || alerts < 0) {
            throw new IllegalArgumentException("counts are not negative: " + watchers + " " + alerts);
        }
        if (alertLines.size() > MAX_LINES) {
            throw new IllegalArgumentException("at most " + MAX_LINES + " lines: " + alertLines.size());
        }
    }

    /** Whether anybody follows the symbol: the market-data service polls it. */
    public boolean followed() {
        return watchers + alerts > 0;
    }
}
