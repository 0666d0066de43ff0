package dev.tarsspeedy.standin.market;

import java.util.ArrayDeque;

/** A sliding-window limit: at most {@code limit} calls in any window of {@code windowNanos}, on the real clock. */
final class RateWindow {

    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> calls = new ArrayDeque<>();

    RateWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** Takes a place in the window if one is free; a refused call takes none, so a client that waits gets through. */
    synchronized boolean tryAcquire(long now) {
        while (!calls.isEmpty() && now - calls.peekFirst() >= windowNanos) {
            calls.pollFirst();
        }
        boolean allowed = calls.size() < limit;
        if (allowed) {
            calls.addLast(now);
        }
        return allowed;
    }

    synchronized int remaining(long now) {
        while (!calls.isEmpty() && now - calls.peekFirst() >= windowNanos) {
            calls.pollFirst();
        }
        return Math.max(0, limit - calls.size());
    }
}
