package dev.tarsspeedy.market.provider;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** The providers' token buckets and pauses, shared by every instance of the service (Redis). */
public interface BudgetStore {

    /**
     * Takes one permit of {@code provider}'s bucket (size {@code burst}, refilled at {@code refillPerMillisecond}) in
     * one atomic step. Answers 0 when the permit was taken, otherwise the milliseconds until one could be (while the
     * provider is paused: until the pause ends); nothing is taken then.
     */
    Mono<Long> take(ProviderName provider, int burst, double refillPerMillisecond);

    /** Pauses every call to {@code provider} for {@code duration} (after the provider's own rate-limit answer). */
    Mono<Void> pause(ProviderName provider, Duration duration);
}
