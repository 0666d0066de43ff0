package dev.tarsspeedy.identity.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's 256-bit data key ({@code IDENTITY_DATA_KEY}, base64 of 32 random bytes). It encrypts personal data
 * and the signing keys' private parts (AES-256-GCM), and keys derived from it hash codes and refresh tokens
 * (HMAC-SHA256), so a copy of the database alone reveals neither.
 */
public final class DataKey {

    /** The environment variable that carries the key. */
    public static final String VARIABLE = "IDENTITY_DATA_KEY";

    static final int LENGTH = 32;

    private final byte[] bytes;

    private DataKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Reads the key from its base64 form (standard or URL-safe alphabet).
     *
     * @throws InvalidDataKeyException when the text is missing, not base64, or not 32 bytes long
     */
    public static DataKey fromBase64(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDataKeyException(VARIABLE + " is not set. The identity service encrypts personal data"
                    + " with it and cannot start without it: set it to 32 random bytes, base64-encoded"
                    + " (for example the output of `openssl rand -base64 32`), and keep it: data encrypted with one"
                    + " key cannot be read with another.");
        }
        byte[] decoded;
        try {
            String trimmed = text.strip();
            decoded = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataKeyException(
                    VARIABLE + " is not valid base64. Set it to 32 random bytes, base64-encoded"
                            + " (for example the output of `openssl rand -base64 32`).");
        }
        if (decoded.length != LENGTH) {
            throw new InvalidDataKeyException(VARIABLE + " must be 32 bytes (256 bits) after base64 decoding, not "
                    + decoded.length + ". Generate one with `openssl rand -base64 32`.");
        }
        return new DataKey(decoded);
    }

    /** The key itself, for AES-256-GCM. */
    SecretKey encryptionKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    /**
     * A key for one purpose, derived from the data key (HMAC-SHA256 of the purpose under the data key, the expand
     * step of HKDF with a single block), so that no two uses share key material.
     */
    SecretKey derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            byte[] info = (purpose + "\u0001").getBytes(StandardCharsets.UTF_8);
            return new SecretKeySpec(mac.doFinal(info), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
