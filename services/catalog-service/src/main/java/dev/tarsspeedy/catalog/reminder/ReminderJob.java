package dev.tarsspeedy.catalog.reminder;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs {@link ReminderService#sendDue()} every {@code catalog.reminder.period}, on one instance at a time (the
 * platform's lock in Redis, {@code catalog-drop-reminders}). Correctness does not depend on the lock (see
 * {@link ReminderService}); a failed run is logged by the platform and the next one tries again.
 */
@Component
class ReminderJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderService reminders;
    private final ReminderSettings settings;

    ReminderJob(ReminderService reminders, ReminderSettings settings) {
        this.reminders = reminders;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "catalog-drop-reminders";
    }

    @Override
    public Duration period() {
        return settings.period();
    }

    @Override
    public Duration maxDuration() {
        return settings.lockAtMostFor();
    }

    @Override
    public Mono<Long> run() {
        return reminders.sendDue().doOnNext(sent -> {
            if (sent > 0) {
                log.info("sent {} drop reminders", sent);
            }
        });
    }
}
