package dev.tarsspeedy.platform.events.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Logs relay failures without flooding: the first failure in full, then at most one summary per quiet period while
 * the failures go on, then one line when publishing works again. A broker outage polled every 200 ms would otherwise
 * write thousands of identical stack traces.
 */
final class RelayFailureLog {

    private final Logger log;
    private final Clock clock;
    private final Duration quietPeriod;
    private Instant failingSince;
    private Instant lastReport;
    private long failuresSinceReport;
    private long failedRecordsSinceReport;

    RelayFailureLog(Logger log, Clock clock, Duration quietPeriod) {
        this.log = log;
        this.clock = clock;
        this.quietPeriod = quietPeriod;
    }

    synchronized void failed(int failedRecords, Throwable cause) {
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
            lastReport = now;
            failuresSinceReport = 0;
            failedRecordsSinceReport = 0;
            log.warn(
                    "Outbox relay failing ({}); unpublished rows stay in the outbox and are retried."
                            + " Further failures are summarised every {}s.",
                    failedRecords > 0 ? failedRecords + " record(s) not acknowledged by Kafka" : "poll failed",
                    quietPeriod.toSeconds(),
                    cause);
            return;
        }
        failuresSinceReport++;
        failedRecordsSinceReport += failedRecords;
        if (!now.isBefore(lastReport.plus(quietPeriod))) {
            log.warn(
                    "Outbox relay still failing after {}s: {} more failed attempt(s), {} record(s); last error: {}",
                    Duration.between(failingSince, now).toSeconds(),
                    failuresSinceReport,
                    failedRecordsSinceReport,
                    describe(cause));
            lastReport = now;
            failuresSinceReport = 0;
            failedRecordsSinceReport = 0;
        }
    }

    synchronized void succeeded() {
        if (failingSince == null) {
            return;
        }
        log.info(
                "Outbox relay publishes again after {}s of failures",
                Duration.between(failingSince, clock.instant()).toSeconds());
        failingSince = null;
    }

    synchronized boolean isFailing() {
        return failingSince != null;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + " (cause: " + root + ")";
    }
}
