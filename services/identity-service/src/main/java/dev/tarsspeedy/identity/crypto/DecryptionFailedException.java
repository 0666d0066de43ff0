package dev.tarsspeedy.identity.crypto;

/** A stored value does not decrypt: it was changed, moved to another row, or encrypted with another data key. */
public final class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message) {
        super(message);
    }
}
