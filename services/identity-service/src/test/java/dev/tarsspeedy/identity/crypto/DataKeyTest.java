package dev.tarsspeedy.identity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DataKeyTest {

    @Test
    void acceptsThirtyTwoBytesInEitherBase64Alphabet() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0xF0 + i % 16);
        }
        DataKey standard = DataKey.fromBase64(Base64.getEncoder().encodeToString(bytes));
        DataKey urlSafe = DataKey.fromBase64(" " + Base64.getUrlEncoder().encodeToString(bytes) + "\n");
        assertThat(standard).isEqualTo(urlSafe);
        assertThat(standard.toString()).doesNotContain(Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void refusesMissingMalformedAndWrongLengthKeysWithAClearMessage() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> DataKey.fromBase64(missing))
                    .isInstanceOf(InvalidDataKeyException.class)
                    .hasMessageContaining("IDENTITY_DATA_KEY is not set")
                    .hasMessageContaining("openssl rand -base64 32");
        }
        assertThatThrownBy(() -> DataKey.fromBase64("not base64 at all!"))
                .isInstanceOf(InvalidDataKeyException.class)
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> DataKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(InvalidDataKeyException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("not 16");
    }

    @Test
    void derivedKeysDifferByPurposeAndFromTheKeyItself() {
        DataKey key = DataKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(key.derive("a").getEncoded())
                .isNotEqualTo(key.derive("b").getEncoded())
                .isNotEqualTo(key.encryptionKey().getEncoded())
                .hasSize(32);
        assertThat(key.derive("a").getEncoded()).isEqualTo(key.derive("a").getEncoded());
    }

    @Test
    void theServiceDoesNotStartWithoutAKey() {
        ApplicationContextRunner runner =
                new ApplicationContextRunner().withUserConfiguration(CryptoConfiguration.class, Properties.class);
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidDataKeyException.class);
            assertThat(new InvalidDataKeyFailureAnalyzer().analyze(context.getStartupFailure()))
                    .satisfies(analysis -> {
                        assertThat(analysis.getDescription()).contains("IDENTITY_DATA_KEY is not set");
                        assertThat(analysis.getAction()).contains("README");
                    });
        });
        runner.withPropertyValues("identity.data-key=" + Base64.getEncoder().encodeToString(new byte[32]))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(FieldCipher.class)
                        .hasSingleBean(SecretHasher.class));
    }

    @EnableConfigurationProperties(PasswordHashingSettings.class)
    static class Properties {}
}
