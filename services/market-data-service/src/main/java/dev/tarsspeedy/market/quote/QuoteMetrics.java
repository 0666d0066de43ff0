package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code market_quote_age_seconds{market}} (the oldest polled quote's age during the session, 0 outside it),
 * {@code market_quotes_stale_total{market}} and {@code market_polled_symbols{market}} (followed symbols polled now).
 */
@Component
public class QuoteMetrics {

    private final Map<Market, AtomicLong> age = new EnumMap<>(Market.class);
    private final Map<Market, AtomicLong> polled = new EnumMap<>(Market.class);
    private final Map<Market, Counter> stale = new EnumMap<>(Market.class);

    QuoteMetrics(MeterRegistry registry) {
        for (Market market : Market.values()) {
            String tag = market.name();
            age.put(market, new AtomicLong());
            polled.put(market, new AtomicLong());
            Gauge.builder("market.quote.age.seconds", age.get(market), AtomicLong::get)
                    .description("Age of the oldest polled quote during the session")
                    .tag("market", tag)
                    .register(registry);
            Gauge.builder("market.polled.symbols", polled.get(market), AtomicLong::get)
                    .description("Followed symbols polled now")
                    .tag("market", tag)
                    .register(registry);
            stale.put(
                    market,
                    Counter.builder("market.quotes.stale")
                            .description("Quotes received older than the market's freshness limit during the session")
                            .tag("market", tag)
                            .register(registry));
        }
    }

    void polled(Market market, int symbols, long oldestAgeSeconds) {
        polled.get(market).set(symbols);
        age.get(market).set(oldestAgeSeconds);
    }

    void stale(Market market) {
        stale.get(market).increment();
    }
}
