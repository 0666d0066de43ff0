package dev.tarsspeedy.identity.crypto;

/** {@code IDENTITY_DATA_KEY} is missing or malformed: the service refuses to start. */
public final class InvalidDataKeyException extends IllegalStateException {

    public InvalidDataKeyException(String message) {
        super(message);
    }
}
