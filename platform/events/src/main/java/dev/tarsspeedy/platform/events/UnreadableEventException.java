package dev.tarsspeedy.platform.events;

/**
 * An event that can never be read: not JSON, not an envelope, or a payload that does not fit the consumer's type.
 * Retrying cannot help, so consumers send it to the dead-letter topic at once.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
