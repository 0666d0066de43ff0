package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs {@link ReportService#sendDue()} every {@code alert.report.period}, on one instance at a time (the platform's
 * lock, {@code alert-reports}). Exactly-once does not depend on the lock (see {@link ReportService}); a failed run (market
 * data down) is logged by the platform and the next run tries again, within the grace.
 */
@Component
class ReportJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(ReportJob.class);

    private final ReportService reports;
    private final ReportSettings settings;

    ReportJob(ReportService reports, ReportSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "alert-reports";
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
        return reports.sendDue().doOnNext(sent -> {
            if (sent > 0) {
                log.info("requested {} report mails", sent);
            }
        });
    }
}
