package dev.tarsspeedy.identity.throttle;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Counters and cooldowns that expire by themselves, shared by every instance of the service. */
public interface RateCounters {

    /** Adds one to the counter; a new counter lives for {@code window} (a fixed window from its first count). */
    Mono<Count> increment(String key, Duration window);

    /** The counter without changing it; zero when it does not exist (or expired). */
    Mono<Count> peek(String key);

    Mono<Void> delete(String key);

    /**
     * Starts a cooldown unless one is running.
     *
     * @return {@link Duration#ZERO} when this call started it, else the time the running one has left
     */
    Mono<Duration> startCooldown(String key, Duration length);

    /** A counter's value and the time until it expires ({@link Duration#ZERO} when it does not exist). */
    record Count(long value, Duration expiresIn) {

        public static final Count NONE = new Count(0, Duration.ZERO);
    }
}
