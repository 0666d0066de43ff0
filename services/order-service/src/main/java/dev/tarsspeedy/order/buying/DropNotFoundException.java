package dev.tarsspeedy.order.buying;

import dev.tarsspeedy.order.DropId;

/** The service knows no drop with this id. */
public class DropNotFoundException extends RuntimeException {

    private final DropId dropId;

    public DropNotFoundException(DropId dropId) {
        super("no drop " + dropId);
        this.dropId = dropId;
    }

    public DropId dropId() {
        return dropId;
    }
}
