package dev.tarsspeedy.alert.market;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the alert service calls the market-data service, {@code alert.market.*} (its base URL and socket timeouts are
 * the HTTP service group's, {@code spring.http.serviceclient.market.*}).
 *
 * @param timeout the longest one call may take, connection included; then it counts as unavailable
 * @param maxSymbolsPerCall the most symbols one {@code GET /api/market/quotes} takes (the market-data service's limit)
 * @param listingCacheTtl how long a listing (symbol, market, names) is kept: listings change rarely
 * @param listingCacheSize the most listings kept
 * @param chartCacheTtl how long a chart series is reused (reports of one minute share it)
 * @param calendarCacheTtl how long a market calendar is reused
 */
@ConfigurationProperties("alert.market")
public record MarketDataSettings(
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("50") int maxSymbolsPerCall,
        @DefaultValue("6h") Duration listingCacheTtl,
        @DefaultValue("20000") int listingCacheSize,
        @DefaultValue("1m") Duration chartCacheTtl,
        @DefaultValue("10m") Duration calendarCacheTtl) {

    public MarketDataSettings {
        if (maxSymbolsPerCall < 1 || listingCacheSize < 1) {
            throw new IllegalArgumentException("alert.market.max-symbols-per-call and listing-cache-size must be >= 1");
        }
    }
}
