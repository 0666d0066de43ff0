package dev.tarsspeedy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import dev.tarsspeedy.platform.scheduling.ScheduledJobs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scheduled job {@code delivery-log-cleanup} deletes rows in a final state older than the retention (30 days by
 * default) and keeps everything younger or still in flight.
 */
class DeliveryLogCleanupIT extends NotificationTestBase {

    @Autowired
    ScheduledJobs jobs;

    @Test
    void oldFinishedRowsGoYoungOrUnfinishedOnesStay() {
        String run = run();
        String oldSent = open("cleanup-old-sent-" + run);
        deliveryLog.markSent(oldSent).block(Duration.ofSeconds(10));
        String oldFailed = open("cleanup-old-failed-" + run);
        deliveryLog.markFailed(oldFailed, "server away").block(Duration.ofSeconds(10));
        String youngSent = open("cleanup-young-sent-" + run);
        deliveryLog.markSent(youngSent).block(Duration.ofSeconds(10));
        age(oldSent, oldFailed);

        ScheduledJob job = jobs.job("delivery-log-cleanup");
        // Every instance runs it: the service has no Redis to hold a lock in.
        assertThat(job.oncePerCluster()).isFalse();
        assertThat(jobs.runNow(job)).isEqualTo(ScheduledJobs.Outcome.SUCCESS);

        assertThat(record(oldSent)).isEmpty();
        assertThat(record(oldFailed))
                .hasValueSatisfying(row -> assertThat(row.state()).isEqualTo(DeliveryState.FAILED));
        assertThat(record(youngSent))
                .hasValueSatisfying(row -> assertThat(row.state()).isEqualTo(DeliveryState.SENT));
    }

    private String open(String key) {
        deliveryLog
                .open(new PendingDelivery(
                        key, "signup-verification", "en", "cleanup@example.com", "TRANSACTIONAL", "<" + key + "@test>"))
                .block(Duration.ofSeconds(10));
        return key;
    }

    /** Last changed 31 days ago, past the default retention. */
    private void age(String... keys) {
        for (String key : keys) {
            database.sql(
                            "update email_delivery set updated_at = now() - interval '31 days' where idempotency_key = :key")
                    .bind("key", key)
                    .fetch()
                    .rowsUpdated()
                    .block(Duration.ofSeconds(10));
        }
    }
}
