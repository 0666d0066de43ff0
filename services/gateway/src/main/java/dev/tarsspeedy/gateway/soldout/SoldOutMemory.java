package dev.tarsspeedy.gateway.soldout;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sold-out answers the order service allowed the gateway to repeat, per drop and reader's language, each until
 * the time it allowed (capped). Bounded: when full, expired answers are dropped first and a new one is not kept if
 * none had expired (the order service then answers, as without this memory).
 */
final class SoldOutMemory {

    /** What the order service answered: a 409 problem, its media type and language, and its body. */
    record Answer(String contentType, String contentLanguage, byte[] body) {}

    private record Key(String dropId, Locale language) {}

    private record Remembered(Answer answer, long untilNanos) {}

    private final Map<Key, Remembered> answers = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    SoldOutMemory(Duration maxAge, int maxEntries, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The answer to repeat for this drop and language, or null when there is none or it ran out. */
    Answer answer(String dropId, Locale language) {
        Key key = new Key(dropId, language);
        Remembered remembered = answers.get(key);
        if (remembered == null) {
            return null;
        }
        if (nanoTime.getAsLong() - remembered.untilNanos() < 0) {
            return remembered.answer();
        }
        answers.remove(key, remembered);
        return null;
    }

    /** Keeps the answer for {@code maxAge} (at most the configured maximum). */
    void remember(String dropId, Locale language, Answer answer, Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (answers.size() >= maxEntries) {
            answers.values().removeIf(remembered -> now - remembered.untilNanos() >= 0);
            if (answers.size() >= maxEntries) {
                return;
            }
        }
        long age = Math.min(maxAge.toNanos(), maxAgeNanos);
        answers.put(new Key(dropId, language), new Remembered(answer, now + age));
    }

    int size() {
        return answers.size();
    }
}
