package dev.tarsspeedy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        Path file = home.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(home);
            Files.writeString(file, encoded + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the identity data key in " + file, e);
        }
    }
}
