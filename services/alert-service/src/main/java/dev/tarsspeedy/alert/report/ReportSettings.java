package dev.tarsspeedy.alert.report;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report schedules and the report job, {@code alert.report.*}; the README lists the environment variables.
 *
 * @param publicBaseUrl where users reach the platform (the gateway): links in report mails start with it
 * @param maxSchedules the most schedules one user has
 * @param maxTimes the most times one schedule has
 * @param grace an occurrence missed by at most this long (downtime) is still sent; older ones are skipped and logged
 * @param period how often the job looks for due schedules
 * @param batchSize most schedules claimed per transaction (the job loops until none is due)
 * @param claimers how many batches one run works on at once, each in its own transaction ({@code SKIP LOCKED} keeps
 *     them disjoint): a minute with many due schedules is worked off in parallel
 * @param lockAtMostFor how long one instance may hold the job's lock if it dies in a run
 * @param sendNowInterval how often a user may ask for a report now
 * @param maxChartPoints the most prices in a row's chart
 * @param quoteReuse how long the report job reuses a quote it fetched for an earlier batch (the mail shows its
 *     {@code asOf})
 */
@ConfigurationProperties("alert.report")
public record ReportSettings(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("10") int maxSchedules,
        @DefaultValue("12") int maxTimes,
        @DefaultValue("15m") Duration grace,
        @DefaultValue("15s") Duration period,
        @DefaultValue("200") int batchSize,
        @DefaultValue("4") int claimers,
        @DefaultValue("5m") Duration lockAtMostFor,
        @DefaultValue("5m") Duration sendNowInterval,
        @DefaultValue("400") int maxChartPoints,
        @DefaultValue("20s") Duration quoteReuse) {

    public ReportSettings {
        String base = publicBaseUrl.toString();
        if (!publicBaseUrl.isAbsolute() || !(base.startsWith("http://") || base.startsWith("https://"))) {
            throw new IllegalArgumentException("alert.report.public-base-url must be an absolute http(s) URL: " + base);
        }
        if (base.endsWith("/")) {
            publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
        }
        if (maxSchedules < 1 || maxTimes < 1 || batchSize < 1 || claimers < 1 || maxChartPoints < 2) {
            throw new IllegalArgumentException(
                    "alert.report.max-schedules, max-times, batch-size, claimers must be >= 1, max-chart-points >= 2");
        }
    }
}
