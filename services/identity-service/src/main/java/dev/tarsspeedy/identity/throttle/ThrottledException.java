package dev.tarsspeedy.identity.throttle;

import java.time.Duration;

/** Too many attempts (or too soon after the last one): try again after {@link #retryAfter()}. */
public final class ThrottledException extends RuntimeException {

    /** What was throttled. */
    public enum Kind {
        LOGIN,
        EMAIL
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ThrottledException(Kind kind, Duration retryAfter) {
        super(kind + " throttled for " + retryAfter);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up and at least 1: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
