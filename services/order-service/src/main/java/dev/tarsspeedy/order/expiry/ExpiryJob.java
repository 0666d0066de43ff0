package dev.tarsspeedy.order.expiry;

import dev.tarsspeedy.order.order.OrderService;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Expires unpaid orders whose hold ended (scheduled; one instance at a time under a lock, see Jobs). */
@Component
public class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final OrderService orders;
    private final Clock clock;

    public ExpiryJob(OrderService orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** One run: blocks the scheduler's thread until done. */
    public int run() {
        Integer expired = orders.expireDue(clock.instant()).block(Duration.ofMinutes(1));
        if (expired != null && expired > 0) {
            log.info("expired {} unpaid orders", expired);
        }
        return expired == null ? 0 : expired;
    }
}
