package dev.tarsspeedy.identity.throttle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * When Redis cannot be reached the throttles let requests through (a warning at most every 10 s): they protect the
 * service, they must not take logins down with Redis. Argon2's cost still slows guessing meanwhile.
 */
final class FailOpen {

    private static final Logger log = LoggerFactory.getLogger(FailOpen.class);
    private static final long QUIET_NANOS = Duration.ofSeconds(10).toNanos();
    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - QUIET_NANOS);

    private FailOpen() {}

    static <T> Mono<T> orElse(Mono<T> call, T fallback, String what) {
        return call.onErrorResume(error -> !(error instanceof ThrottledException), error -> {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= QUIET_NANOS && lastWarning.compareAndSet(last, now)) {
                log.warn("{} unavailable, letting the request through unthrottled: {}", what, error.toString());
            }
            return Mono.justOrEmpty(fallback);
        });
    }
}
