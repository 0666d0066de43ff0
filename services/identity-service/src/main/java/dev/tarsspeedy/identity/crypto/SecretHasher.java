package dev.tarsspeedy.identity.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed hashes (HMAC-SHA256 under a key derived from the data key) of secrets the service must recognise but never
 * store: verification codes and refresh tokens. Without the key a leaked table cannot be searched offline, not even
 * for six-digit codes. Also pseudonyms for values used as Redis keys (email addresses), so Redis holds no addresses.
 */
public final class SecretHasher {

    private final SecretKey key;

    public SecretHasher(DataKey dataKey) {
        this.key = dataKey.derive("identity/secret-hash/v1");
    }

    /** The hash of a secret for one purpose ({@code refresh-token}, {@code code:<id>}): purposes never collide. */
    public byte[] hash(String purpose, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares in constant time. */
    public boolean matches(byte[] expectedHash, String purpose, String secret) {
        return expectedHash != null && MessageDigest.isEqual(expectedHash, hash(purpose, secret));
    }

    /** A stable, non-reversible name for a value, URL-safe base64 without padding. */
    public String pseudonym(String purpose, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash(purpose, value));
    }
}
