package dev.tarsspeedy.catalog.drop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drops' settings, {@code catalog.stock.*} and {@code catalog.listing.*}; the README lists the environment variables
 * behind them.
 */
@ConfigurationProperties("catalog")
public record DropSettings(
        @DefaultValue Stock stock, @DefaultValue Listing listing) {

    /**
     * Remaining stock, asked of the order service.
     *
     * @param timeout one call at most; after it the view falls back (see the README)
     * @param openFor how long the circuit stays open (calls skipped, fallback at once) after repeated failures
     */
    public record Stock(
            @DefaultValue("500ms") Duration timeout,
            @DefaultValue("10s") Duration openFor) {}

    /**
     * Browsing drops.
     *
     * @param maxPageSize largest {@code size} a client may ask for
     * @param maxLive most drops in their sale window considered when filtering by OPEN or SOLD_OUT
     */
    public record Listing(
            @DefaultValue("100") int maxPageSize,
            @DefaultValue("1000") int maxLive) {}
}
