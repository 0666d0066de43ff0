package dev.tarsspeedy.order;

import dev.tarsspeedy.order.config.OrderProperties;
import dev.tarsspeedy.order.expiry.ExpiryJob;
import dev.tarsspeedy.order.reconcile.Reconciler;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.DropSync;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The scheduled jobs, each with its period from {@link OrderProperties}. Expiry, warm-up and reconciliation run on one
 * instance at a time under a ShedLock lock in Redis; the jobs block the scheduler's thread while they run (a lock cannot
 * be held across a returned Mono). Correctness never depends on the lock: status changes are conditional updates and
 * the Redis scripts are idempotent. The catalog refresh runs on every instance (each keeps its own memory).
 */
@Configuration(proxyBeanMethods = false)
class Jobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final OrderProperties properties;
    private final LockingTaskExecutor locks;
    private final ExpiryJob expiry;
    private final DropSync sync;
    private final Reconciler reconciler;
    private final DropCatalog catalog;

    Jobs(
            OrderProperties properties,
            LockProvider lockProvider,
            ExpiryJob expiry,
            DropSync sync,
            Reconciler reconciler,
            DropCatalog catalog) {
        this.properties = properties;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.expiry = expiry;
        this.sync = sync;
        this.reconciler = reconciler;
        this.catalog = catalog;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.jobs().enabled()) {
            return;
        }
        registrar.addFixedDelayTask(
                unlocked("catalog-refresh", catalog::refresh),
                properties.catalog().refreshPeriod());
        registrar.addFixedDelayTask(
                locked("order-expiry", expiry::run), properties.expiry().period());
        registrar.addFixedDelayTask(
                locked("drop-warm-up", sync::warmUp), properties.warmUp().period());
        registrar.addFixedDelayTask(
                locked("drop-reconcile", reconciler::reconcileAll),
                properties.reconcile().period());
    }

    private Runnable locked(String name, Runnable job) {
        Duration atMost = properties.jobs().lockAtMostFor();
        return () -> {
            try {
                locks.executeWithLock(job, new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
            } catch (RuntimeException e) {
                log.warn("job {} failed: {}", name, e.toString());
            }
        };
    }

    private static Runnable unlocked(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("job {} failed: {}", name, e.toString());
            }
        };
    }
}
