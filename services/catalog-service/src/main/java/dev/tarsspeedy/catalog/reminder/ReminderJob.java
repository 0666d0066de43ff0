package dev.tarsspeedy.catalog.reminder;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ReminderService#sendDue()} every {@code catalog.reminder.period}, on one instance at a time (ShedLock in
 * Redis). It blocks the scheduler thread on purpose: the lock is held while the method runs, so it must not return
 * before the work is done. Correctness does not depend on the lock (see {@link ReminderService}).
 */
@Component
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderService reminders;

    ReminderJob(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Scheduled(
            fixedDelayString = "${catalog.reminder.period:30s}",
            initialDelayString = "${catalog.reminder.period:30s}")
    @SchedulerLock(name = "catalog-drop-reminders", lockAtMostFor = "${catalog.reminder.lock-at-most-for:5m}")
    public void run() {
        try {
            Long sent = reminders.sendDue().block(Duration.ofMinutes(4));
            if (sent != null && sent > 0) {
                log.info("sent {} drop reminders", sent);
            }
        } catch (RuntimeException e) {
            log.warn("drop reminders failed; the next run tries again", e);
        }
    }
}
