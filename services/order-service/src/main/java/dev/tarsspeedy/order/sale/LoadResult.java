package dev.tarsspeedy.order.sale;

/** What loading a drop into Redis did. */
public enum LoadResult {
    /** All keys (re)written: stock = quantity, no buyers or holds. */
    LOADED,
    /** Only the sale hash's terms (window, closed, limit, quantity) changed; stock kept (moved by a quantity change). */
    UPDATED,
    /** The drop is open but its keys are gone: it needs a rebuild from the database. */
    ABSENT,
    /** Redis already has a newer revision. */
    STALE
}
