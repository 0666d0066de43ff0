package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityDataKeyTest {

    @TempDir
    Path home;

    @Test
    void generatesThirtyTwoBytesOnceAndKeepsThemPrivate() throws Exception {
        String first = IdentityDataKey.resolve(home);
        String second = IdentityDataKey.resolve(home);

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("identity-data-key"))))
                .isEqualTo("rw-------");
    }
}
