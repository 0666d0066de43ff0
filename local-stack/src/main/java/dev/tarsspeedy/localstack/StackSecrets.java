package dev.tarsspeedy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets the local stack makes up on its first run and keeps in its folder (owner-only), so that data encrypted
 * by one run can be read by the next: the admin account and the identity service's data key.
 */
record StackSecrets(AdminCredentials admin, String identityDataKey) {

    static StackSecrets load(Path home) {
        AdminCredentials admin = AdminCredentials.resolve(Optional.ofNullable(System.getenv("ADMIN_PASSWORD")), home);
        String dataKey = Optional.ofNullable(System.getenv("IDENTITY_DATA_KEY"))
                .filter(key -> !key.isBlank())
                .orElseGet(() -> keptOrNew(home.resolve("identity-data-key")));
        return new StackSecrets(admin, dataKey);
    }

    private static String keptOrNew(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, encoded + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a secret in " + file, e);
        }
    }
}
