package dev.tarsspeedy.identity.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    private static DataKey key(int first) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) first;
        return DataKey.fromBase64(Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void hashesAreKeyedAndSeparatedByPurpose() {
        SecretHasher hasher = new SecretHasher(key(0));
        byte[] hash = hasher.hash("code:1", "123456");
        assertThat(hash).hasSize(32);
        assertThat(hasher.matches(hash, "code:1", "123456")).isTrue();
        assertThat(hasher.matches(hash, "code:1", "123457")).isFalse();
        assertThat(hasher.matches(hash, "code:2", "123456")).isFalse();
        assertThat(hasher.matches(null, "code:1", "123456")).isFalse();
        assertThat(new SecretHasher(key(1)).hash("code:1", "123456")).isNotEqualTo(hash);
        // The purpose and the secret cannot be shifted into each other.
        assertThat(hasher.hash("ab", "c")).isNotEqualTo(hasher.hash("a", "bc"));
    }

    @Test
    void pseudonymsAreStableAndUrlSafe() {
        SecretHasher hasher = new SecretHasher(key(0));
        String pseudonym = hasher.pseudonym("throttle", "kim@example.com");
        assertThat(pseudonym).isEqualTo(hasher.pseudonym("throttle", "kim@example.com"));
        assertThat(pseudonym).matches("[A-Za-z0-9_-]{43}").doesNotContain("kim");
    }
}
