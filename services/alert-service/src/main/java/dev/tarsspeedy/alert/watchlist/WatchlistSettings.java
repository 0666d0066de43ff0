package dev.tarsspeedy.alert.watchlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Watchlists, {@code alert.watchlist.*}.
 *
 * @param maxEntries the most stocks one user watches
 */
@ConfigurationProperties("alert.watchlist")
public record WatchlistSettings(@DefaultValue("50") int maxEntries) {

    public WatchlistSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("alert.watchlist.max-entries must be at least 1: " + maxEntries);
        }
    }
}
