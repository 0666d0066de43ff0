package dev.tarsspeedy.market.quote;

/** How current a served quote is; consumers treat only {@code LIVE} and {@code DELAYED} as a live price. */
public enum Freshness {
    /** In session, no older than the market's target freshness. */
    LIVE,
    /** In session, older than the target but within the market's freshness limit. */
    DELAYED,
    /** A day's close: from an end-of-day provider, or the last price of a session that has closed. */
    END_OF_DAY,
    /** In session and older than the market's freshness limit: not to be taken for the current price. */
    STALE
}
