package dev.tarsspeedy.alert.market.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A small in-memory cache of answers: one call per key while the entry lives, shared by everybody who asks meanwhile
 * (also while the call is still under way); a failed call is not kept, nor an answer the caller says not to keep.
 * When full, expired entries go first, then all.
 */
final class TtlCache<K, V> {

    private record Entry<V>(Mono<V> value, Instant expires) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;

    TtlCache(Duration ttl, int maxSize, Clock clock) {
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    Mono<V> get(K key, Supplier<Mono<V>> call) {
        return get(key, call, value -> true);
    }

    /** As {@link #get(Object, Supplier)}, but an answer that fails {@code keep} is shared only by who asked meanwhile. */
    Mono<V> get(K key, Supplier<Mono<V>> call, Predicate<V> keep) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Entry<V> entry = entries.get(key);
            if (entry == null || !entry.expires().isAfter(now)) {
                if (entries.size() >= maxSize) {
                    entries.values().removeIf(old -> !old.expires().isAfter(now));
                    if (entries.size() >= maxSize) {
                        entries.clear();
                    }
                }
                AtomicReference<Entry<V>> self = new AtomicReference<>();
                Mono<V> answer = call.get()
                        .doOnNext(value -> {
                            if (!keep.test(value)) {
                                entries.remove(key, self.get());
                            }
                        })
                        .doOnError(error -> entries.remove(key, self.get()))
                        .cache();
                Entry<V> fresh = new Entry<>(answer, now.plus(ttl));
                self.set(fresh);
                entry = entries.merge(
                        key, fresh, (current, candidate) -> current.expires().isAfter(now) ? current : candidate);
            }
            return entry.value();
        });
    }

    void put(K key, V value) {
        entries.put(key, new Entry<>(Mono.just(value), clock.instant().plus(ttl)));
    }
}
