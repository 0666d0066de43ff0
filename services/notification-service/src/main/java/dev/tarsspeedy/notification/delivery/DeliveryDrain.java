package dev.tarsspeedy.notification.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On a graceful stop (SIGTERM), after the Kafka listeners stopped taking records and before the database pool and
 * the SMTP threads are closed, waits for the sends under way to finish and be recorded. Only a hard kill can then
 * leave a request {@code SENDING}.
 */
@Component
class DeliveryDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDrain.class);
    /**
     * Stops after the listener containers (phase {@code Integer.MAX_VALUE - 100}, stopped first) and long before the
     * beans they use are destroyed.
     */
    static final int PHASE = 0;

    private final DeliveryService deliveries;
    private final Duration timeout;
    private volatile boolean running;

    DeliveryDrain(DeliveryService deliveries, DeliverySettings properties) {
        this.deliveries = deliveries;
        this.timeout = properties.sendTimeout();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        try {
            if (!deliveries.awaitIdle(timeout)) {
                log.warn(
                        "sends still under way after {}; their requests stay SENDING and are sent again by another"
                                + " instance once their lease expires",
                        timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
