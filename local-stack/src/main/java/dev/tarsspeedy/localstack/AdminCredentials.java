package dev.tarsspeedy.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The local stack's admin account: {@code admin@example.com} with the password from {@code ADMIN_PASSWORD}, or
 * one generated on the first run and kept in the stack's folder (readable by its owner only), so it stays the
 * same across restarts until {@code --fresh}.
 */
record AdminCredentials(String email, String password, boolean generated) {

    static final String EMAIL = "admin@example.com";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    static AdminCredentials resolve(Optional<String> fromEnvironment, Path home) {
        if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
            return new AdminCredentials(EMAIL, fromEnvironment.get(), false);
        }
        String password =
                KeptSecret.readOrCreate(home.resolve("admin-password"), () -> generate(new SecureRandom(), 20));
        return new AdminCredentials(EMAIL, password, true);
    }

    static String generate(SecureRandom random, int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
