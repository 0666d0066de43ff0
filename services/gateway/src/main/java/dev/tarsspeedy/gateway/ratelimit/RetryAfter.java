package dev.tarsspeedy.gateway.ratelimit;

/** How long a refused client waits until its bucket holds enough tokens for one more request. */
final class RetryAfter {

    private RetryAfter() {}

    /**
     * Whole seconds (at least 1, as {@code Retry-After} has no fractions) until {@code requestedTokens} are
     * available again, given the tokens left in the bucket and the tokens added per second.
     *
     * @param tokensLeft tokens in the bucket now; negative (unknown) counts as empty
     */
    static long seconds(long tokensLeft, int requestedTokens, int replenishRate) {
        long missing = requestedTokens - Math.max(0, tokensLeft);
        if (missing <= 0) {
            return 1;
        }
        return Math.max(1, (missing + replenishRate - 1) / replenishRate);
    }
}
