package dev.tarsspeedy.identity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final DataKey KEY = DataKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private final FieldCipher cipher = new FieldCipher(KEY);

    @Test
    void roundTripsAnyText() {
        for (String text : new String[] {"", "Kim", "김민준 🚀", "x".repeat(10_000)}) {
            byte[] sealed = cipher.encryptText(text, "user:1");
            assertThat(cipher.decryptText(sealed, "user:1")).isEqualTo(text);
            assertThat(sealed).hasSize(1 + 12 + text.getBytes(StandardCharsets.UTF_8).length + 16);
            assertThat(sealed[0]).isEqualTo(FieldCipher.VERSION);
        }
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        byte[] one = cipher.encryptText("same", "ctx");
        byte[] two = cipher.encryptText("same", "ctx");
        assertThat(Arrays.copyOfRange(one, 1, 13)).isNotEqualTo(Arrays.copyOfRange(two, 1, 13));
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void anyChangedByteIsDetected() {
        byte[] sealed = cipher.encryptText("Kim Minjun", "user:1");
        for (int i = 1; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(tampered, "user:1"))
                    .as("byte %d changed", i)
                    .isInstanceOf(DecryptionFailedException.class);
        }
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> cipher.decrypt(otherVersion, "user:1")).isInstanceOf(DecryptionFailedException.class);
        byte[] truncated = Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(truncated, "user:1")).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[5], "user:1")).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aValueMovedToAnotherContextOrReadWithAnotherKeyDoesNotDecrypt() {
        byte[] sealed = cipher.encryptText("Kim", "user:1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "user:2")).isInstanceOf(DecryptionFailedException.class);

        byte[] otherKeyBytes = new byte[32];
        otherKeyBytes[0] = 1;
        FieldCipher other =
                new FieldCipher(DataKey.fromBase64(Base64.getEncoder().encodeToString(otherKeyBytes)));
        assertThatThrownBy(() -> other.decrypt(sealed, "user:1")).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() {
        byte[] sealed = cipher.encryptText("plain-name-marker", "ctx");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("plain-name-marker");
    }
}
