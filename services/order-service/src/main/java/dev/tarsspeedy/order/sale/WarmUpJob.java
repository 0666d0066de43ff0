package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loads drops opening soon into Redis when their keys are missing ({@link DropSync#warmUp()}); one instance at a
 * time (the load script is idempotent, the lock only saves work).
 */
@Component
class WarmUpJob implements ScheduledJob {

    private final DropSync sync;
    private final Duration period;

    WarmUpJob(DropSync sync, SaleSettings settings) {
        this.sync = sync;
        this.period = settings.warmUp().period();
    }

    @Override
    public String name() {
        return "drop-warm-up";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Mono<?> run() {
        return Mono.fromCallable(sync::warmUp);
    }
}
