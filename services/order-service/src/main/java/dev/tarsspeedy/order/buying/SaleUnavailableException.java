package dev.tarsspeedy.order.buying;

import dev.tarsspeedy.order.DropId;
import java.time.Duration;

/**
 * The drop's Redis keys are gone (a rebuild was asked for) or Redis cannot be reached; the buyer should retry after
 * {@code retryAfter}.
 */
public class SaleUnavailableException extends RuntimeException {

    private final DropId dropId;
    private final Duration retryAfter;

    public SaleUnavailableException(DropId dropId, Duration retryAfter) {
        this(dropId, retryAfter, null);
    }

    /** Redis could not be asked (down, timed out). */
    public SaleUnavailableException(DropId dropId, Duration retryAfter, Throwable cause) {
        super("the sale of drop " + dropId + " cannot be reached", cause);
        this.dropId = dropId;
        this.retryAfter = retryAfter;
    }

    public DropId dropId() {
        return dropId;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
