package dev.tarsspeedy.platform.scheduling;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * A job the platform runs on a fixed delay: declare it as a bean and the platform schedules it, takes its lock,
 * times it, counts it and logs its failures (the {@link ScheduledJobs} runner). The period comes from the feature's
 * settings record, so its default is written once, in {@code @DefaultValue}.
 *
 * <pre>{@code
 * @Component
 * class ExpiryJob implements ScheduledJob {
 *     public String name() { return "order-expiry"; }
 *     public Duration period() { return settings.period(); }
 *     public Mono<?> run() { return orders.expireDue(clock.instant()); }
 * }
 * }</pre>
 *
 * <p>A job must be correct when it runs twice at once or is cut off halfway (conditional updates, idempotent
 * scripts): the lock only saves work.
 */
public interface ScheduledJob {

    /** Lock key ({@code job-lock:<service>:<name>}), metric tag and log name: short, kebab-case, stable. */
    String name();

    /** The delay between the end of one run and the start of the next. */
    Duration period();

    /** The work. Subscribed once per run, on a scheduler thread (never an event loop). */
    Mono<?> run();

    /**
     * {@code true} (the default): one instance of the service runs it at a time, under a lock in Redis.
     * {@code false}: every instance runs it, for work on the instance's own memory (a local cache refresh).
     */
    default boolean oncePerCluster() {
        return true;
    }

    /** How long a run may take, and so how long its lock outlives an instance that died in it; {@code null}: the platform's. */
    default Duration maxDuration() {
        return null;
    }

    /** The delay before the first run; {@code null}: one period. */
    default Duration initialDelay() {
        return null;
    }
}
