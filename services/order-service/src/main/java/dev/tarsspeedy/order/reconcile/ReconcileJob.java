package dev.tarsspeedy.order.reconcile;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reconciles every drop in or near its window ({@link Reconciler#reconcileAll()}); one instance at a time. */
@Component
class ReconcileJob implements ScheduledJob {

    private final Reconciler reconciler;
    private final Duration period;

    ReconcileJob(Reconciler reconciler, ReconcileSettings settings) {
        this.reconciler = reconciler;
        this.period = settings.period();
    }

    @Override
    public String name() {
        return "drop-reconcile";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Mono<?> run() {
        return Mono.fromCallable(reconciler::reconcileAll);
    }
}
