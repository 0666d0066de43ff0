package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialsTest {

    @TempDir
    Path home;

    @Test
    void takesThePasswordFromTheEnvironment() {
        AdminCredentials admin = AdminCredentials.resolve(Optional.of("s3cret-pass"), home);

        assertThat(admin).isEqualTo(new AdminCredentials("admin@example.com", "s3cret-pass", false));
        assertThat(home.resolve("admin-password")).doesNotExist();
    }

    @Test
    void generatesOnceAndKeepsThePasswordPrivate() throws Exception {
        AdminCredentials first = AdminCredentials.resolve(Optional.empty(), home);
        AdminCredentials second = AdminCredentials.resolve(Optional.of(" "), home);

        assertThat(first.generated()).isTrue();
        assertThat(first.password()).hasSize(20).matches("[A-Za-z2-9]+");
        assertThat(second.password()).isEqualTo(first.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("admin-password"))))
                .isEqualTo("rw-------");
    }
}
