package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The delivery steps of paid orders, PAID to PREPARING to SHIPPING to DELIVERED, each after its configured time
 * ({@code order-delivery}); and one run of the end of returns, RETURN_REQUESTED to RETURNED, for {@link ReturnsJob}.
 * One instance at a time; each step is a conditional update with its one email, so two runs at once still apply every
 * step once.
 */
@Component
public class DeliveryJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);
    private static final OrderStatus[] STEPS = {OrderStatus.PAID, OrderStatus.PREPARING, OrderStatus.SHIPPING};

    private final OrderService orders;
    private final LifecycleSettings settings;
    private final Clock clock;

    DeliveryJob(OrderService orders, LifecycleSettings settings, Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "order-delivery";
    }

    @Override
    public Duration period() {
        return settings.delivery().period();
    }

    @Override
    public Mono<?> run() {
        return Mono.fromCallable(this::deliver);
    }

    /** One run of the delivery steps, first step first (an order may take several steps in one run); blocks. */
    public int deliver() {
        int moved = 0;
        for (OrderStatus from : STEPS) {
            moved += step(from);
        }
        return moved;
    }

    /** One run of the return job: finishes returns due; blocks. */
    public int finishReturns() {
        Integer returned = orders.finishReturns(
                        settings.returns().processing(),
                        clock.instant(),
                        settings.delivery().batchSize())
                .block(RUN_TIMEOUT);
        if (returned != null && returned > 0) {
            log.info("{} returns finished", returned);
        }
        return returned == null ? 0 : returned;
    }

    private int step(OrderStatus from) {
        OrderStatus to = from.nextDeliveryStep().orElseThrow();
        Integer moved = orders.advance(
                        from,
                        settings.delivery().after(from),
                        clock.instant(),
                        settings.delivery().batchSize())
                .block(RUN_TIMEOUT);
        if (moved != null && moved > 0) {
            log.info("{} orders {} -> {}", moved, from, to);
        }
        return moved == null ? 0 : moved;
    }
}
