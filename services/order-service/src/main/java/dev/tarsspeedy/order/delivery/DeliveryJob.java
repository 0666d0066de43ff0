package dev.tarsspeedy.order.delivery;

import dev.tarsspeedy.order.config.OrderProperties;
import dev.tarsspeedy.order.order.OrderService;
import dev.tarsspeedy.order.order.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The delivery lifecycle of paid orders, PAID to PREPARING to SHIPPING to DELIVERED, each step after its configured
 * time; and the end of returns, RETURN_REQUESTED to RETURNED. Scheduled under a lock (see Jobs); each step is a
 * conditional update with its one email, so two runs at once still apply every step once.
 */
@Component
public class DeliveryJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

    private final OrderService orders;
    private final OrderProperties properties;
    private final Clock clock;

    public DeliveryJob(OrderService orders, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run of the delivery steps, first step first (an order may take several steps in one run); blocks. */
    public int deliver() {
        OrderProperties.Delivery delivery = properties.delivery();
        int moved = step(OrderStatus.PAID, OrderStatus.PREPARING, delivery.preparingAfter());
        moved += step(OrderStatus.PREPARING, OrderStatus.SHIPPING, delivery.shippingAfter());
        moved += step(OrderStatus.SHIPPING, OrderStatus.DELIVERED, delivery.deliveredAfter());
        return moved;
    }

    /** One run of the return job: finishes returns due; blocks. */
    public int finishReturns() {
        Integer returned = orders.finishReturns(
                        properties.returns().processing(),
                        clock.instant(),
                        properties.delivery().batchSize())
                .block(RUN_TIMEOUT);
        if (returned != null && returned > 0) {
            log.info("{} returns finished", returned);
        }
        return returned == null ? 0 : returned;
    }

    private int step(OrderStatus from, OrderStatus to, Duration after) {
        Instant now = clock.instant();
        Integer moved = orders.advance(
                        from, to, after, now, properties.delivery().batchSize())
                .block(RUN_TIMEOUT);
        if (moved != null && moved > 0) {
            log.info("{} orders {} -> {}", moved, from, to);
        }
        return moved == null ? 0 : moved;
    }
}
