package dev.tarsspeedy.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The identity service's data key for the local stack: 32 random bytes, generated on the first run and kept in the
 * stack's folder (readable by its owner only). It must outlive restarts: names and signing keys in the stack's
 * database are encrypted with it. {@code --fresh} removes it together with the data.
 */
final class IdentityDataKey {

    static final String FILE = "identity-data-key";

    private IdentityDataKey() {}

    static String resolve(Path home) {
        return KeptSecret.readOrCreate(home.resolve(FILE), () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }
}
