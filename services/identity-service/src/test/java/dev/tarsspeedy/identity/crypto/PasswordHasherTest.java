package dev.tarsspeedy.identity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void argon2idHashesCarryTheirParametersAndVerify() {
        try (PasswordHasher hasher = new PasswordHasher(new PasswordHashingSettings(1024, 1, 1, 1))) {
            String hash = hasher.hash("Correct-Horse-42").block();
            assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
            assertThat(hasher.hash("Correct-Horse-42").block()).as("salted").isNotEqualTo(hash);
            assertThat(hasher.matches("Correct-Horse-42", hash).block()).isTrue();
            assertThat(hasher.matches("correct-horse-42", hash).block()).isFalse();
            assertThat(hasher.matchesNothing("Correct-Horse-42").block()).isFalse();
            // A hash made with other parameters still verifies: they are in the hash.
            try (PasswordHasher stronger = new PasswordHasher(new PasswordHashingSettings(2048, 2, 1, 1))) {
                assertThat(stronger.matches("Correct-Horse-42", hash).block()).isTrue();
            }
        }
    }

    @Test
    void refusesNonsenseParameters() {
        assertThatThrownBy(() -> new PasswordHashingSettings(4, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashingSettings(1024, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
