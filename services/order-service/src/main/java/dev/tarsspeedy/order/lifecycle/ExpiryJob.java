package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Expires unpaid orders whose hold ended; one instance at a time (each expiry is a conditional update). */
@Component
class ExpiryJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final OrderService orders;
    private final Duration period;
    private final Clock clock;

    ExpiryJob(OrderService orders, LifecycleSettings settings, Clock clock) {
        this.orders = orders;
        this.period = settings.expiry().period();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "order-expiry";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Mono<?> run() {
        return Mono.defer(() -> orders.expireDue(clock.instant())).doOnNext(expired -> {
            if (expired > 0) {
                log.info("expired {} unpaid orders", expired);
            }
        });
    }
}
