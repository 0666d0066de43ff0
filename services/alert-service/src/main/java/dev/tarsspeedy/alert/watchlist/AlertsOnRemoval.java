package dev.tarsspeedy.alert.watchlist;

import java.util.Locale;

/**
 * What removing a stock from the watchlist does to the user's price alerts on it: the caller must say so when there
 * are any ({@code DELETE /api/watchlist/{symbol}?alerts=delete|keep}); without a choice the removal is refused and the
 * alerts are listed, so no alert keeps firing for a stock the user believes gone, and none disappears silently.
 */
public enum AlertsOnRemoval {
    /** No choice made: refused when the stock has alerts. */
    ASK,
    /** The alerts are deleted with the entry, in one transaction. */
    DELETE,
    /** The alerts stay and keep firing; they are listed under {@code /api/alerts}. */
    KEEP;

    /** {@code null} or blank is {@link #ASK}; else {@code delete} or {@code keep} (any case). */
    public static AlertsOnRemoval parse(String text) {
        if (text == null || text.isBlank()) {
            return ASK;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "delete" -> DELETE;
            case "keep" -> KEEP;
            default -> throw new IllegalArgumentException("alerts must be delete or keep: " + text);
        };
    }
}
