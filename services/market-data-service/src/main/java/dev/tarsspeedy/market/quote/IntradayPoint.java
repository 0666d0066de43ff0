package dev.tarsspeedy.market.quote;

import java.math.BigDecimal;
import java.time.Instant;

/** One price of a day's intraday series: the provider's time, the price and the day's volume then. */
public record IntradayPoint(Instant at, BigDecimal price, Long volume) {}
