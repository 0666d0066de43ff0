package dev.tarsspeedy.notification.deliverylog;

import dev.tarsspeedy.notification.delivery.DeliveryLog;
import dev.tarsspeedy.notification.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes rows in a final state older than {@code notification.delivery.log-retention}, so the log does not grow
 * forever. Rows still in flight ({@code RECEIVED}, {@code SENDING}, {@code FAILED}) are never deleted.
 */
@Component
class DeliveryLogCleanup {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogCleanup.class);

    private final DeliveryLog deliveryLog;
    private final DeliveryProperties properties;

    DeliveryLogCleanup(DeliveryLog deliveryLog, DeliveryProperties properties) {
        this.deliveryLog = deliveryLog;
        this.properties = properties;
    }

    @Scheduled(
            initialDelayString = "${notification.delivery.log-cleanup-interval:1h}",
            fixedDelayString = "${notification.delivery.log-cleanup-interval:1h}")
    Mono<Void> deleteOldRows() {
        return deliveryLog
                .deleteFinishedBefore(properties.logRetention())
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("deleted {} delivery log rows older than {}", deleted, properties.logRetention());
                    }
                })
                .onErrorResume(e -> {
                    log.warn(
                            "could not delete old delivery log rows (next try in {}): {}",
                            properties.logCleanupInterval(),
                            e.toString());
                    return Mono.empty();
                })
                .then();
    }
}
