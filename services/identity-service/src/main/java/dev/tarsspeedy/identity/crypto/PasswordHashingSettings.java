package dev.tarsspeedy.identity.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id cost (decision 0004). The defaults are OWASP's first recommendation (19 MiB, 2 passes, 1 lane). Stored
 * hashes carry their own parameters, so changing these affects new hashes only.
 *
 * @param memoryKib memory per hash, KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 * @param threads hashes computed at once (each holds {@code memoryKib}); {@code 0} means one per CPU core. Further
 *     requests wait in a queue, so a burst of logins cannot exhaust memory or starve other work
 */
@ConfigurationProperties("identity.password-hashing")
public record PasswordHashingSettings(
        @DefaultValue("19456") int memoryKib,
        @DefaultValue("2") int iterations,
        @DefaultValue("1") int parallelism,
        @DefaultValue("0") int threads) {

    public PasswordHashingSettings {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || threads < 0) {
            throw new IllegalArgumentException("identity.password-hashing: memory-kib must be at least 8 x parallelism,"
                    + " iterations and parallelism at least 1, threads 0 (one per core) or more");
        }
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
