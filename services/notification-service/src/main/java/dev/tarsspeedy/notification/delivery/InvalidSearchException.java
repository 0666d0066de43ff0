package dev.tarsspeedy.notification.delivery;

import java.time.Instant;

/** A search of the delivery log that cannot be answered: a page out of range, or a period that ends before it starts. */
public abstract sealed class InvalidSearchException extends IllegalArgumentException {

    private InvalidSearchException(String message) {
        super(message);
    }

    public static final class Page extends InvalidSearchException {

        private final int maxSize;

        Page(int maxSize) {
            super("page must be 0 or more and size between 1 and " + maxSize);
            this.maxSize = maxSize;
        }

        public int maxSize() {
            return maxSize;
        }
    }

    public static final class Range extends InvalidSearchException {

        Range(Instant from, Instant to) {
            super("from " + from + " is not before to " + to);
        }
    }
}
