package dev.tarsspeedy.market.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider's call budget: at most {@code permits} calls in any window of {@code per}, of which at most {@code burst}
 * back to back; shared by every instance of the service (a token bucket in Redis).
 *
 * <p>The bucket holds {@code burst} permits and refills at {@code (permits - burst) / per}, so any window of length
 * {@code per} sees at most {@code burst + (permits - burst) = permits} calls, wherever it starts.
 *
 * @param permits calls allowed in any window of {@code per}
 * @param per the window
 * @param burst how many calls may go back to back (the bucket's size), at least 1 and below {@code permits}
 * @param maxWait how long a call may wait for the next permit before it fails with {@code RateLimited} (0: never waits)
 */
public record BudgetSettings(int permits, Duration per, int burst, Duration maxWait) {

    public BudgetSettings {
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(maxWait, "maxWait");
        if (per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("a budget's window is positive: " + per);
        }
        if (burst < 1 || burst >= permits) {
            throw new IllegalArgumentException(
                    "a budget's burst is at least 1 and below its permits: burst " + burst + ", permits " + permits);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("a budget's max wait is not negative: " + maxWait);
        }
    }

    /** The bucket's refill rate, permits per millisecond. */
    public double refillPerMillisecond() {
        return (double) (permits - burst) / per.toMillis();
    }

    /** The configured rate in permits per second (the {@code market_provider_budget_permits} gauge). */
    public double permitsPerSecond() {
        return permits * 1000.0 / per.toMillis();
    }

    /** The most calls the bucket lets through in any window of {@code window}. */
    public long maxCallsIn(Duration window) {
        return burst + (long) Math.floor(refillPerMillisecond() * window.toMillis() + 1e-9);
    }
}
