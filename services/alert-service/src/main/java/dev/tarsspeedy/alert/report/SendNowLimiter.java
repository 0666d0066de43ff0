package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.UserId;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** At most one "send me a report now" per user per interval, across every instance. */
public interface SendNowLimiter {

    /**
     * Takes the user's permit for {@code interval}.
     *
     * @return empty when taken; else how long until the next one is allowed
     */
    Mono<Optional<Duration>> acquire(UserId user, Duration interval);

    /** Gives the permit back (the report could not be built, so the request does not count). */
    Mono<Void> release(UserId user);
}
