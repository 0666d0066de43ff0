package dev.tarsspeedy.identity.crypto;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id password hashes, computed on a small scheduler of their own: hashing is deliberately slow and memory-hard,
 * so it must never run on an event-loop thread, and at most {@code threads} hashes run at once.
 */
public final class PasswordHasher implements AutoCloseable {

    private static final int SALT_LENGTH = 16;
    private static final int HASH_LENGTH = 32;
    private static final int QUEUED_TASKS = 10_000;

    private final Argon2PasswordEncoder encoder;
    private final Scheduler scheduler;
    /** Compared against when no account exists, so an unknown address takes as long as a wrong password. */
    private final String decoy;

    public PasswordHasher(PasswordHashingSettings properties) {
        this.encoder = new Argon2PasswordEncoder(
                SALT_LENGTH, HASH_LENGTH, properties.parallelism(), properties.memoryKib(), properties.iterations());
        this.scheduler =
                Schedulers.newBoundedElastic(properties.effectiveThreads(), QUEUED_TASKS, "password-hashing", 60, true);
        this.decoy = encoder.encode("decoy password that matches nothing");
    }

    public Mono<String> hash(String rawPassword) {
        return Mono.fromCallable(() -> encoder.encode(rawPassword)).subscribeOn(scheduler);
    }

    public Mono<Boolean> matches(String rawPassword, String hash) {
        return Mono.fromCallable(() -> encoder.matches(rawPassword, hash)).subscribeOn(scheduler);
    }

    /** Spends the time of a real comparison and answers {@code false}. */
    public Mono<Boolean> matchesNothing(String rawPassword) {
        return matches(rawPassword, decoy).map(ignored -> false);
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
