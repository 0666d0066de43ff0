package dev.tarsspeedy.alert.pricealert;

/** The user has as many unfinished alerts as allowed. */
public class AlertLimitReachedException extends RuntimeException {

    private final int limit;

    public AlertLimitReachedException(int limit) {
        super("at most " + limit + " alerts");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
