package dev.tarsspeedy.order.buying;

import dev.tarsspeedy.order.DropId;

/** Redis (or this instance's memory of it) refused a buy. */
public class BuyRefusedException extends RuntimeException {

    /** Why. */
    public enum Reason {
        SOLD_OUT,
        LIMIT_EXCEEDED,
        NOT_OPEN,
        CLOSED
    }

    private final DropId dropId;
    private final Reason reason;
    private final int remaining;

    public BuyRefusedException(DropId dropId, Reason reason, int remaining) {
        super("drop " + dropId + ": " + reason);
        this.dropId = dropId;
        this.reason = reason;
        this.remaining = remaining;
    }

    public DropId dropId() {
        return dropId;
    }

    public Reason reason() {
        return reason;
    }

    public int remaining() {
        return remaining;
    }
}
