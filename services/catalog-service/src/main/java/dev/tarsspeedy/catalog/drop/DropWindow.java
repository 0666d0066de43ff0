package dev.tarsspeedy.catalog.drop;

/** Which drops a listing reads from storage, by time alone (sold-out needs the stock on top). */
public enum DropWindow {
    ALL,
    /** Not stopped, opening later. */
    UPCOMING,
    /** Not stopped, in the sale window: OPEN or SOLD_OUT. */
    LIVE,
    /** Stopped, or past the closing time. */
    CLOSED
}
