package dev.tarsspeedy.identity.keys;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Key maintenance at start (before the service reports ready) and then every {@code identity.keys.check-interval}. */
@Component
class KeyMaintenance implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(KeyMaintenance.class);

    private final SigningKeyStore store;

    KeyMaintenance(SigningKeyStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.maintain().block(Duration.ofMinutes(1));
    }

    @Scheduled(
            initialDelayString = "${identity.keys.check-interval:1m}",
            fixedDelayString = "${identity.keys.check-interval:1m}")
    Mono<Void> periodically() {
        return store.maintain().onErrorResume(error -> {
            log.warn("Signing key maintenance failed; it is tried again at the next interval", error);
            return Mono.empty();
        });
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
