package dev.tarsspeedy.identity.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When to make a new key and which keys to retire, from the keys in use and the time: no state, no I/O.
 *
 * <ul>
 *   <li>No key at all: a new one, active at once (first start).
 *   <li>The newest key is older than {@code rotateAfter}: a new one, active after {@code publishAhead}.
 *   <li>A key is retired once a newer key has been active for {@code retireAfter}.
 * </ul>
 */
record KeyPolicy(KeySettings properties) {

    /** What maintenance should do now. */
    record Plan(Optional<Instant> newKeyActiveFrom, List<String> retire) {}

    Plan plan(List<SigningKey> unretired, Instant now) {
        if (unretired.isEmpty()) {
            return new Plan(Optional.of(now), List.of());
        }
        List<SigningKey> byActivation = unretired.stream()
                .sorted(Comparator.comparing(SigningKey::activeFrom).thenComparing(SigningKey::createdAt))
                .toList();
        SigningKey newest = byActivation.stream()
                .max(Comparator.comparing(SigningKey::createdAt))
                .orElseThrow();
        Optional<Instant> newKey = now.isBefore(newest.createdAt().plus(properties.rotateAfter()))
                ? Optional.empty()
                : Optional.of(now.plus(properties.publishAhead()));
        List<String> retire = new ArrayList<>();
        for (int i = 0; i < byActivation.size(); i++) {
            SigningKey key = byActivation.get(i);
            // The key that took over from this one: the next to become active, if it already is.
            for (int j = i + 1; j < byActivation.size(); j++) {
                SigningKey successor = byActivation.get(j);
                if (successor.activeFrom().isAfter(key.activeFrom())
                        && !successor.activeFrom().isAfter(now)) {
                    if (!now.isBefore(successor.activeFrom().plus(properties.retireAfter()))) {
                        retire.add(key.kid());
                    }
                    break;
                }
            }
        }
        return new Plan(newKey, retire);
    }

    /** The key that signs now: the active one that became active last. */
    static Optional<SigningKey> signing(List<SigningKey> keys, Instant now) {
        return keys.stream()
                .filter(key -> key.isActiveAt(now))
                .max(Comparator.comparing(SigningKey::activeFrom).thenComparing(SigningKey::createdAt));
    }
}
