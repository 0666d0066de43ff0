package dev.tarsspeedy.standin.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the providers serve for a listing at an instant, no switch applied but a price set: for tests that compare the
 * service's quote with the stand-in's.
 *
 * @param asOf the last trade: the instant asked for in the session, the session's close after it
 * @param inSession whether the listing's market was in its session (always, in the demo session)
 */
public record Quote(
        String symbol,
        Market market,
        String currency,
        BigDecimal price,
        BigDecimal change,
        BigDecimal changePercent,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal previousClose,
        long volume,
        BigDecimal week52High,
        BigDecimal week52Low,
        Instant asOf,
        boolean inSession) {}
