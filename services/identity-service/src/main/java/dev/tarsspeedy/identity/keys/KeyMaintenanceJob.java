package dev.tarsspeedy.identity.keys;

import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Key maintenance at start (before the service reports ready) and then every {@code identity.keys.check-interval}.
 * It runs on every instance, not once per cluster: each instance reloads the keys it signs with and publishes.
 */
@Component
class KeyMaintenanceJob implements ScheduledJob, ApplicationRunner, Ordered {

    private final SigningKeyStore store;
    private final KeySettings settings;

    KeyMaintenanceJob(SigningKeyStore store, KeySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.maintain().block(Duration.ofMinutes(1));
    }

    @Override
    public String name() {
        return "key-maintenance";
    }

    @Override
    public Duration period() {
        return settings.checkInterval();
    }

    /** A failed run is logged by the platform and tried again a period later. */
    @Override
    public Mono<?> run() {
        return store.maintain();
    }

    @Override
    public boolean oncePerCluster() {
        return false;
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
