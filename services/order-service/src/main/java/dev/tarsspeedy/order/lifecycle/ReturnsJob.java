package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finishes returns requested long enough ago ({@link DeliveryJob#finishReturns()}); one instance at a time. */
@Component
class ReturnsJob implements ScheduledJob {

    private final DeliveryJob delivery;
    private final Duration period;

    ReturnsJob(DeliveryJob delivery, LifecycleSettings settings) {
        this.delivery = delivery;
        this.period = settings.returns().period();
    }

    @Override
    public String name() {
        return "order-returns";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Mono<?> run() {
        return Mono.fromCallable(delivery::finishReturns);
    }
}
