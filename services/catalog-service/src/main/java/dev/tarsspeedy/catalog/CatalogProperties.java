package dev.tarsspeedy.catalog;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog's own settings, under {@code catalog}; the README lists the environment variables behind them.
 *
 * @param publicBaseUrl where users reach the platform (the gateway), for links in emails
 */
@ConfigurationProperties("catalog")
public record CatalogProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue Stock stock,
        @DefaultValue Reminder reminder,
        @DefaultValue Listing listing) {

    public CatalogProperties {
        String base = publicBaseUrl.toString();
        if (!publicBaseUrl.isAbsolute() || !(base.startsWith("http://") || base.startsWith("https://"))) {
            throw new IllegalArgumentException("catalog.public-base-url must be an absolute http(s) URL: " + base);
        }
        if (base.endsWith("/")) {
            publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
        }
    }

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
     * The reminder email before a wishlisted drop opens.
     *
     * @param leadTime how long before the opening the email goes out
     * @param period how often due reminders are looked for
     * @param batchSize most reminders sent per transaction (the job loops until none is due)
     * @param lockAtMostFor how long one instance may hold the job's lock if it dies while running it
     */
    public record Reminder(
            @DefaultValue("10m") Duration leadTime,
            @DefaultValue("30s") Duration period,
            @DefaultValue("200") int batchSize,
            @DefaultValue("5m") Duration lockAtMostFor) {

        public Reminder {
            if (batchSize < 1) {
                throw new IllegalArgumentException("catalog.reminder.batch-size must be at least 1: " + batchSize);
            }
        }
    }

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
