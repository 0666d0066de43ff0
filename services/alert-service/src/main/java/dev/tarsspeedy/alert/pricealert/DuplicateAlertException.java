package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.AlertId;

/** The user already has an identical alert (same symbol and condition) that has not finished. */
public class DuplicateAlertException extends RuntimeException {

    private final transient AlertId existing;

    public DuplicateAlertException(AlertId existing) {
        super("an identical alert exists: " + existing);
        this.existing = existing;
    }

    /** The identical alert, or {@code null} when it is not known (two requests at once). */
    public AlertId existing() {
        return existing;
    }
}
