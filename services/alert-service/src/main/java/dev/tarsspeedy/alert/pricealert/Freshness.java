package dev.tarsspeedy.alert.pricealert;

/** How current a quote is, as the market-data service labels it. */
public enum Freshness {
    LIVE,
    DELAYED,
    END_OF_DAY,
    STALE;

    /** {@code null} for a label this version does not know (never evaluated). */
    public static Freshness of(String label) {
        if (label == null) {
            return null;
        }
        try {
            return valueOf(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A live or delayed price: a price of this moment. */
    public boolean intraday() {
        return this == LIVE || this == DELAYED;
    }
}
