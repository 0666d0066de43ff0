package dev.tarsspeedy.identity.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for values at rest. Every value gets a fresh random 96-bit nonce; the stored form is
 * {@code version (1 byte) | nonce (12 bytes) | ciphertext | tag (16 bytes)}. The associated data binds a value to
 * where it belongs (a user's id, a key's id): a ciphertext copied to another row does not decrypt.
 */
public final class FieldCipher {

    static final byte VERSION = 1;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random;

    public FieldCipher(DataKey dataKey) {
        this(dataKey, new SecureRandom());
    }

    FieldCipher(DataKey dataKey, SecureRandom random) {
        this.key = dataKey.encryptionKey();
        this.random = random;
    }

    public byte[] encrypt(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(associatedData));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_LENGTH + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @throws DecryptionFailedException when the value was changed, belongs elsewhere, or was encrypted with another
     *     key
     */
    public byte[] decrypt(byte[] stored, String associatedData) {
        if (stored == null || stored.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new DecryptionFailedException("not a value encrypted by this service");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_LENGTH));
            cipher.updateAAD(aad(associatedData));
            return cipher.doFinal(stored, 1 + NONCE_LENGTH, stored.length - 1 - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException("the value was tampered with, or encrypted with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    public byte[] encryptText(String plaintext, String associatedData) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    public String decryptText(byte[] stored, String associatedData) {
        return new String(decrypt(stored, associatedData), StandardCharsets.UTF_8);
    }

    private static byte[] aad(String associatedData) {
        return associatedData.getBytes(StandardCharsets.UTF_8);
    }
}
