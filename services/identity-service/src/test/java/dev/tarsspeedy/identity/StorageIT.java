package dev.tarsspeedy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.crypto.SecretHasher;
import dev.tarsspeedy.identity.keys.SigningKeyStore;
import dev.tarsspeedy.identity.support.EmailEvents;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a copy of the database would reveal: no names, codes, refresh tokens, passwords or private keys. */
class StorageIT extends IdentityTestBase {

    @Autowired
    SecretHasher hasher;

    @Autowired
    SigningKeyStore keys;

    @Test
    void theNameIsStoredEncryptedWithAFreshNonceEachTime() {
        String name = "홍길동 Secret-Name-Marker";
        String first = newEmail();
        String second = newEmail();
        signUp(first, name);
        signUp(second, name);

        byte[] one = column("select name_encrypted from user_account where email = :email", first);
        byte[] two = column("select name_encrypted from user_account where email = :email", second);
        byte[] plain = name.getBytes(StandardCharsets.UTF_8);
        assertThat(indexOf(one, plain)).isNegative();
        assertThat(indexOf(one, "Secret-Name-Marker".getBytes(StandardCharsets.UTF_8)))
                .isNegative();
        assertThat(one[0]).as("format version").isEqualTo((byte) 1);
        assertThat(one).hasSize(1 + 12 + plain.length + 16);
        assertThat(Arrays.copyOfRange(one, 1, 13)).isNotEqualTo(Arrays.copyOfRange(two, 1, 13));
        assertThat(one).isNotEqualTo(two);
        assertThat(count(
                        "select count(*) from user_account"
                                + " where position(convert_to(:marker, 'UTF8') in name_encrypted) > 0",
                        "marker",
                        "Secret-Name"))
                .isZero();

        String password = database.sql("select password_hash from user_account where email = :email")
                .bind("email", first)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        assertThat(password).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void codesAreStoredOnlyAsKeyedHashes() throws Exception {
        String email = newEmail();
        signUp(email, "Kim");
        EmailEvents.Email mail = EmailEvents.await(email, 1).getFirst();
        String code = (String) mail.payload().model().get("code");
        UUID codeId = UUID.fromString(mail.payload().idempotencyKey().substring("identity:signup-code:".length()));

        byte[] stored = database.sql("select code_hash from verification_code where id = :id")
                .bind("id", codeId)
                .map(row -> row.get(0, byte[].class))
                .one()
                .block();
        assertThat(stored).hasSize(32);
        assertThat(indexOf(stored, code.getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(code);
        assertThat(stored)
                .as("not a plain hash, which six digits would give away")
                .isNotEqualTo(sha256(code));
        assertThat(stored).isEqualTo(hasher.hash("verification-code:" + codeId, code));
    }

    @Test
    void aPublishedEmailRequestLeavesNeitherCodeNorNameInTheOutbox() {
        String name = "Outbox-Name-Marker " + UUID.randomUUID().toString().substring(0, 8);
        String email = newEmail();
        signUp(email, name);
        EmailEvents.Email mail = EmailEvents.await(email, 1).getFirst();
        String code = (String) mail.payload().model().get("code");
        assertThat(mail.payload().model())
                .as("what the request carried to Kafka")
                .containsEntry("name", name)
                .containsEntry("code", code);
        awaitOutboxDrained();

        List<Map<String, Object>> rows = database.sql(
                        "select payload::text as payload, published_at from outbox_event where event_key = :email")
                .bind("email", email)
                .fetch()
                .all()
                .collectList()
                .block();
        assertThat(rows)
                .as("the sign-up's row is kept, published, without its payload")
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("published_at")).isNotNull();
                    assertThat(row.get("payload")).isEqualTo("{}");
                });
        for (String secret : List.of(code, name, "Outbox-Name-Marker")) {
            assertThat(count(
                            "select count(*) from outbox_event where position(:secret in payload::text) > 0",
                            "secret",
                            secret))
                    .as("outbox rows whose raw payload holds %s", secret)
                    .isZero();
        }
    }

    @Test
    void refreshTokensAreStoredOnlyAsKeyedHashes() throws Exception {
        String email = activeAccount("Kim");
        String token = (String) login(email, PASSWORD).get("refreshToken");

        List<byte[]> stored = database.sql("select t.token_hash from refresh_token t join user_account u"
                        + " on u.id = t.user_id where u.email = :email")
                .bind("email", email)
                .map(row -> row.get(0, byte[].class))
                .all()
                .collectList()
                .block();
        assertThat(stored).hasSize(1);
        byte[] hash = stored.getFirst();
        assertThat(hash).hasSize(32);
        assertThat(indexOf(hash, token.getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(hash).isNotEqualTo(sha256(token));
        assertThat(hash).isEqualTo(hasher.hash("refresh-token", token));
        assertThat(count(
                        "select count(*) from refresh_token"
                                + " where position(convert_to(:token, 'UTF8') in token_hash) > 0",
                        "token",
                        token.substring(0, 16)))
                .isZero();
    }

    @Test
    void signingKeysPrivatePartsAreEncrypted() {
        var key = keys.signingKey().block();
        List<Map<String, Object>> rows = database.sql("select kid, private_key_encrypted from signing_key")
                .fetch()
                .all()
                .collectList()
                .block();
        assertThat(rows).extracting(row -> row.get("kid")).contains(key.kid());
        byte[] pkcs8 = key.privateKey().getEncoded();
        for (Map<String, Object> row : rows) {
            byte[] stored = bytes(row.get("private_key_encrypted"));
            assertThat(stored[0]).isEqualTo((byte) 1);
            assertThat(indexOf(stored, Arrays.copyOfRange(pkcs8, pkcs8.length - 64, pkcs8.length)))
                    .isNegative();
        }
    }

    private byte[] column(String sql, String email) {
        return database.sql(sql)
                .bind("email", email)
                .map(row -> row.get(0, byte[].class))
                .one()
                .block();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer) value).duplicate();
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        return array;
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
