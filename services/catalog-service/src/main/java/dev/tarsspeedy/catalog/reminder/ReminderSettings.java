package dev.tarsspeedy.catalog.reminder;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reminder email before a wishlisted drop opens, {@code catalog.reminder.*}; the README lists the environment
 * variables behind them.
 *
 * @param publicBaseUrl where users reach the platform (the gateway), for the links in the email
 * @param leadTime how long before the opening the email goes out
 * @param period how often due reminders are looked for
 * @param batchSize most reminders sent per transaction (the job loops until none is due)
 * @param lockAtMostFor how long one instance may hold the job's lock if it dies while running it, and so how long a
 *     run may take
 */
@ConfigurationProperties("catalog.reminder")
public record ReminderSettings(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("10m") Duration leadTime,
        @DefaultValue("30s") Duration period,
        @DefaultValue("200") int batchSize,
        @DefaultValue("5m") Duration lockAtMostFor) {

    public ReminderSettings {
        String base = publicBaseUrl.toString();
        if (!publicBaseUrl.isAbsolute() || !(base.startsWith("http://") || base.startsWith("https://"))) {
            throw new IllegalArgumentException(
                    "catalog.reminder.public-base-url must be an absolute http(s) URL: " + base);
        }
        if (base.endsWith("/")) {
            publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("catalog.reminder.batch-size must be at least 1: " + batchSize);
        }
    }
}
