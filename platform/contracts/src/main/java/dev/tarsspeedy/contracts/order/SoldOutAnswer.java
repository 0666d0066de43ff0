package dev.tarsspeedy.contracts.order;

/**
 * The order service's promise about a sold-out drop, between it and the gateway in front of it.
 *
 * <p>A {@code 409 sold-out} answer to {@code POST /api/drops/{dropId}/orders} for a drop with no unit left carries
 * {@link #MAX_AGE_HEADER}: for that many milliseconds the order service would give every well-formed attempt of one
 * unit on that drop the same answer, in the same reader's language, without looking at the stock again (its own
 * memory of the sell-out, {@code order.buy.sold-out-ttl}). The gateway repeats that answer from its memory for at
 * most as long, so the flood after a sell-out stops at the gateway; the header never reaches a client. A unit given
 * back (an unpaid order expired) is offered again at the latest when that time has run out.
 */
public final class SoldOutAnswer {

    /** Milliseconds, a whole positive number. */
    public static final String MAX_AGE_HEADER = "Sold-Out-Max-Age";

    private SoldOutAnswer() {}
}
