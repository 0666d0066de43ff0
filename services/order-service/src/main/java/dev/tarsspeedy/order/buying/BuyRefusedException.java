package dev.tarsspeedy.order.buying;

import dev.tarsspeedy.order.DropId;
import java.time.Duration;

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
    private final Duration holdsFor;

    public BuyRefusedException(DropId dropId, Reason reason, int remaining) {
        this(dropId, reason, remaining, Duration.ZERO);
    }

    private BuyRefusedException(DropId dropId, Reason reason, int remaining, Duration holdsFor) {
        super(null, null, false, false);
        this.dropId = dropId;
        this.reason = reason;
        this.remaining = remaining;
        this.holdsFor = holdsFor;
    }

    /**
     * The drop has no unit left, and this instance gives every attempt on it the same answer from memory for
     * {@code holdsFor} (zero: it does not remember).
     */
    public static BuyRefusedException soldOut(DropId dropId, Duration holdsFor) {
        return new BuyRefusedException(dropId, Reason.SOLD_OUT, 0, holdsFor);
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

    /** How long this answer holds for every buyer of the drop (a remembered sell-out); zero for any other refusal. */
    public Duration holdsFor() {
        return holdsFor;
    }
}
