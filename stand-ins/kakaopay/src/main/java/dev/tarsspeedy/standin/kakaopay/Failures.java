package dev.tarsspeedy.standin.kakaopay;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Failures a test switches on: the next {@code times} calls of an endpoint fail in the given way, then the endpoint
 * behaves again. The same switches are reachable over HTTP ({@code POST /__stand-in/failures}).
 *
 * <pre>{@code
 * standIn.failures().fail(Endpoint.APPROVE, FailureMode.TIMEOUT, 1);
 * }</pre>
 */
public final class Failures {

    /** How long a {@link FailureMode#TIMEOUT} holds the answer unless a test says otherwise. */
    public static final Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(10);

    private final Map<Endpoint, Armed> armed = new EnumMap<>(Endpoint.class);
    private Duration timeoutDelay = DEFAULT_TIMEOUT_DELAY;

    Failures() {}

    /** The next {@code times} calls of the endpoint fail with {@code mode}; replaces what was armed for it. */
    public synchronized Failures fail(Endpoint endpoint, FailureMode mode, int times) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(mode, "mode");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        armed.put(endpoint, new Armed(mode, times));
        return this;
    }

    /** The next call of the endpoint fails with {@code mode}. */
    public Failures fail(Endpoint endpoint, FailureMode mode) {
        return fail(endpoint, mode, 1);
    }

    /** How long {@link FailureMode#TIMEOUT} holds an answer. */
    public synchronized Failures timeoutDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        this.timeoutDelay = delay;
        return this;
    }

    public synchronized Duration timeoutDelay() {
        return timeoutDelay;
    }

    /** Every endpoint behaves again; the timeout delay is back to its default. */
    public synchronized void clear() {
        armed.clear();
        timeoutDelay = DEFAULT_TIMEOUT_DELAY;
    }

    /** The failure for this call, if one is armed, counting it. */
    synchronized Optional<FailureMode> take(Endpoint endpoint) {
        Armed current = armed.get(endpoint);
        if (current == null) {
            return Optional.empty();
        }
        if (current.times <= 1) {
            armed.remove(endpoint);
        } else {
            armed.put(endpoint, new Armed(current.mode, current.times - 1));
        }
        return Optional.of(current.mode);
    }

    private record Armed(FailureMode mode, int times) {}
}
