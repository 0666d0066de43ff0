package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.DropId;

/** No drop has this id. */
public class DropNotFoundException extends RuntimeException {

    private final DropId id;

    public DropNotFoundException(DropId id) {
        super("no drop " + id);
        this.id = id;
    }

    public DropId id() {
        return id;
    }
}
