package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.DropId;

/** The drop's sale has started (or it was closed): its terms can no longer change. */
public class DropAlreadyOpenException extends RuntimeException {

    private final DropId id;

    public DropAlreadyOpenException(DropId id) {
        super("drop " + id + " has opened or was closed");
        this.id = id;
    }

    public DropId id() {
        return id;
    }
}
