package dev.tarsspeedy.localstack;

import java.nio.file.Path;
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
                .orElseGet(() -> IdentityDataKey.resolve(home));
        return new StackSecrets(admin, dataKey);
    }
}
