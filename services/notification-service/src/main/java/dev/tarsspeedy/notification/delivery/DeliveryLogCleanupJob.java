package dev.tarsspeedy.notification.delivery;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes rows in a final state older than {@code notification.delivery.log-retention}, so the log does not grow
 * forever. Rows still in flight ({@code RECEIVED}, {@code SENDING}, {@code FAILED}) are never deleted. It runs on
 * every instance, as it always did: the service has no Redis to lock in, and two deletes at once are harmless.
 */
@Component
class DeliveryLogCleanupJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogCleanupJob.class);

    private final DeliveryLog deliveryLog;
    private final DeliverySettings settings;

    DeliveryLogCleanupJob(DeliveryLog deliveryLog, DeliverySettings settings) {
        this.deliveryLog = deliveryLog;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "delivery-log-cleanup";
    }

    @Override
    public Duration period() {
        return settings.logCleanupInterval();
    }

    @Override
    public boolean oncePerCluster() {
        return false;
    }

    /** A failed run is logged by the platform and tried again a period later. */
    @Override
    public Mono<Long> run() {
        return deliveryLog.deleteFinishedBefore(settings.logRetention()).doOnNext(deleted -> {
            if (deleted > 0) {
                log.info("deleted {} delivery log rows older than {}", deleted, settings.logRetention());
            }
        });
    }
}
