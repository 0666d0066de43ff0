package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.AlertId;

/** No alert of the caller has this id (somebody else's is not found either). */
public class AlertNotFoundException extends RuntimeException {

    private final transient AlertId id;

    public AlertNotFoundException(AlertId id) {
        super("no alert " + id);
        this.id = id;
    }

    public AlertId id() {
        return id;
    }
}
