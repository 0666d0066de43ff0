package dev.tarsspeedy.platform.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs every {@link ScheduledJob} bean of the service on a fixed delay: under its lock when it runs once per cluster,
 * with a time limit, a timer {@code platform.jobs} tagged {@code job} and {@code outcome} ({@code success},
 * {@code failure}, {@code skipped} when another instance held the lock), and a WARN line per failure. A failing run
 * never stops the schedule: the next one comes a period later.
 *
 * <p>A run blocks its scheduler thread until the job's {@code Mono} completes, because the lock is released when the
 * task returns and cannot be held across a returned {@code Mono} (decision 0006).
 */
public final class ScheduledJobs implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

    /** Outcome of one run, as tagged on the timer. */
    public enum Outcome {
        SUCCESS,
        FAILURE,
        SKIPPED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final List<ScheduledJob> jobs;
    private final TaskScheduler scheduler;
    private final LockingTaskExecutor locks;
    private final MeterRegistry meters;
    private final Duration defaultMaxDuration;
    private final List<ScheduledFuture<?>> running = new ArrayList<>();
    private final boolean scheduling;
    private boolean started;

    public ScheduledJobs(
            List<ScheduledJob> jobs,
            TaskScheduler scheduler,
            LockProvider lockProvider,
            MeterRegistry meters,
            Duration defaultMaxDuration,
            boolean scheduling) {
        this.jobs = List.copyOf(jobs);
        this.scheduler = scheduler;
        this.locks = lockProvider == null ? null : new DefaultLockingTaskExecutor(lockProvider);
        this.meters = meters;
        this.defaultMaxDuration = defaultMaxDuration;
        this.scheduling = scheduling;
        List<String> names = new ArrayList<>();
        for (ScheduledJob job : this.jobs) {
            if (names.contains(job.name())) {
                throw new IllegalStateException(
                        "two scheduled jobs are named " + job.name() + ": names must be unique");
            }
            names.add(job.name());
            if (scheduling && job.oncePerCluster() && locks == null) {
                throw new IllegalStateException("scheduled job " + job.name()
                        + " runs once per cluster but the service has no lock provider (Redis): configure Redis or"
                        + " make the job run on every instance");
            }
            if (job.period() == null
                    || job.period().isNegative()
                    || job.period().isZero()) {
                throw new IllegalStateException(
                        "scheduled job " + job.name() + " needs a positive period, not " + job.period());
            }
        }
    }

    /** Runs the job now, on the caller's thread, as the schedule would: locked, timed, counted, failures logged. */
    public Outcome runNow(ScheduledJob job) {
        Duration maxDuration = job.maxDuration() != null ? job.maxDuration() : defaultMaxDuration;
        Timer.Sample sample = Timer.start(meters);
        Outcome outcome;
        try {
            if (job.oncePerCluster() && locks != null) {
                LockingTaskExecutor.TaskResult<Boolean> result = locks.executeWithLock(
                        () -> {
                            block(job, maxDuration);
                            return Boolean.TRUE;
                        },
                        new LockConfiguration(ClockProvider.now(), job.name(), maxDuration, Duration.ZERO));
                outcome = result.wasExecuted() ? Outcome.SUCCESS : Outcome.SKIPPED;
            } else {
                block(job, maxDuration);
                outcome = Outcome.SUCCESS;
            }
        } catch (Throwable e) {
            outcome = Outcome.FAILURE;
            Throwable cause =
                    e instanceof IllegalStateException && e.getCause() instanceof TimeoutException ? e.getCause() : e;
            log.warn("job {} failed: {}", job.name(), cause.toString());
            log.debug("job {} failed", job.name(), cause);
        }
        sample.stop(Timer.builder("platform.jobs")
                .description("Runs of the service's scheduled jobs")
                .tag("job", job.name())
                .tag("outcome", outcome.tag())
                .register(meters));
        return outcome;
    }

    private static void block(ScheduledJob job, Duration maxDuration) {
        job.run().timeout(maxDuration).block();
    }

    @Override
    public void start() {
        synchronized (running) {
            if (started) {
                return;
            }
            started = true;
            if (!scheduling) {
                log.info("scheduled jobs are off (platform.scheduling.enabled=false): {}", names());
                return;
            }
            Instant now = Instant.now();
            for (ScheduledJob job : jobs) {
                Duration first = job.initialDelay() != null ? job.initialDelay() : job.period();
                running.add(scheduler.scheduleWithFixedDelay(() -> runNow(job), now.plus(first), job.period()));
                log.debug("job {} scheduled every {}", job.name(), job.period());
            }
        }
    }

    @Override
    public void stop() {
        synchronized (running) {
            running.forEach(future -> future.cancel(false));
            running.clear();
            started = false;
        }
    }

    /**
     * The threads end with the context, not on {@link #stop()}: a stopped context can start again (the test framework
     * pauses a cached context it does not use and restarts it later), and its jobs are then scheduled anew.
     */
    @Override
    public void destroy() {
        stop();
        if (scheduler instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler pool) {
            pool.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (running) {
            return started;
        }
    }

    public List<ScheduledJob> jobs() {
        return jobs;
    }

    /** The job of that name, for a test or an operator's endpoint that runs it now. */
    public ScheduledJob job(String name) {
        return jobs.stream()
                .filter(job -> job.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scheduled job " + name + " among " + names()));
    }

    private List<String> names() {
        return jobs.stream().map(ScheduledJob::name).toList();
    }
}
