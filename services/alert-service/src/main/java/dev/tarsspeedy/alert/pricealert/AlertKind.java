package dev.tarsspeedy.alert.pricealert;

/** What an alert watches. */
public enum AlertKind {
    /** The price rises to or above a line. */
    PRICE_ABOVE,
    /** The price falls to or below a line. */
    PRICE_BELOW,
    /** The day's move from the previous close reaches a percentage (up, down or either). */
    MOVE_PERCENT,
    /** The price reaches the 52-week high. */
    HIGH_52W,
    /** The price reaches the 52-week low. */
    LOW_52W;

    /**
     * Whether the kind reads an intraday price: those are never evaluated on an end-of-day quote (a day-late close is
     * not a crossing the user can act on). A 52-week high or low is as true of a close as of a live price.
     */
    public boolean intraday() {
        return this == PRICE_ABOVE || this == PRICE_BELOW || this == MOVE_PERCENT;
    }
}
