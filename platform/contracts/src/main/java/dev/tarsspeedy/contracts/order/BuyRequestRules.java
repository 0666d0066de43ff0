package dev.tarsspeedy.contracts.order;

/**
 * What the order service's buy endpoint ({@code POST /api/drops/{dropId}/orders}) requires of a request, in the
 * places where the gateway must agree with it: the gateway answers from memory only attempts the order service would
 * not refuse as malformed ({@link SoldOutAnswer}).
 */
public final class BuyRequestRules {

    /** The header that makes a buy idempotent: one answer per buyer and key. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** The longest key accepted, after surrounding whitespace is stripped. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;

    private BuyRequestRules() {}
}
