package dev.tarsspeedy.order.buying;

import dev.tarsspeedy.order.DropId;

/**
 * Redis (or this instance's memory of it) refused a buy. The common answer of a drop (everybody after the sell-out),
 * so it carries no stack trace: it says why, not where.
 */
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
        super(null, null, false, false);
        this.dropId = dropId;
        this.reason = reason;
        this.remaining = remaining;
    }

    @Override
    public String getMessage() {
        return "drop " + dropId + ": " + reason;
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
