package dev.tarsspeedy.order;

import dev.tarsspeedy.order.expiry.ExpiryJob;
import dev.tarsspeedy.order.reconcile.Reconciler;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.DropSync;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled jobs, each with its period from {@code order.*}. Expiry, warm-up and reconciliation run on one instance
 * at a time under a ShedLock lock in Redis (the platform starter's scheduling, decision 0006); they block the
 * scheduler's thread while they run, since a lock cannot be held across a returned Mono. Correctness never depends on
 * the lock: status changes are conditional updates and the Redis scripts are idempotent. The catalog refresh runs on
 * every instance (each keeps its own memory).
 */
@Component
class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final ExpiryJob expiry;
    private final DropSync sync;
    private final Reconciler reconciler;
    private final DropCatalog catalog;

    Jobs(ExpiryJob expiry, DropSync sync, Reconciler reconciler, DropCatalog catalog) {
        this.expiry = expiry;
        this.sync = sync;
        this.reconciler = reconciler;
        this.catalog = catalog;
    }

    @Scheduled(fixedDelayString = "${order.catalog.refresh-period:5s}")
    void refreshCatalog() {
        run("catalog-refresh", catalog::refresh);
    }

    @Scheduled(fixedDelayString = "${order.expiry.period:5s}")
    @SchedulerLock(name = "order-expiry")
    void expireUnpaidOrders() {
        run("order-expiry", expiry::run);
    }

    @Scheduled(fixedDelayString = "${order.warm-up.period:30s}")
    @SchedulerLock(name = "drop-warm-up")
    void warmUpDrops() {
        run("drop-warm-up", sync::warmUp);
    }

    @Scheduled(fixedDelayString = "${order.reconcile.period:1m}")
    @SchedulerLock(name = "drop-reconcile")
    void reconcileDrops() {
        run("drop-reconcile", reconciler::reconcileAll);
    }

    private static void run(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("job {} failed: {}", name, e.toString());
        }
    }
}
