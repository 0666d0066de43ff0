package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.standin.market.Provider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A quote older than its market's freshness limit during the session is served and published as STALE, and counted. */
class StaleQuoteIT extends MarketTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void anHourOldQuoteInSessionIsStale() {
        goToSession(Market.US, Duration.ofMinutes(30));
        String symbol = usSymbol(0);
        double staleBefore = stale();
        MARKET.controls().stale(Provider.FINNHUB, Duration.ofHours(1));

        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));

        assertThat(quote(symbol))
                .containsEntry("source", "FINNHUB")
                .containsEntry("market", "US")
                .containsEntry("currency", "USD")
                .containsEntry("freshness", "STALE");
        await().atMost(Duration.ofSeconds(10)).until(() -> !quoteUpdates(symbol).isEmpty());
        assertThat(quoteUpdates(symbol).getLast())
                .extracting(QuoteUpdated::freshness)
                .isEqualTo("STALE");
        assertThat(stale()).isGreaterThan(staleBefore);

        // Fresh again once the provider's times are.
        MARKET.controls().reset();
        CLOCK.advance(Duration.ofSeconds(61));
        poll();
        assertThat(quote(symbol)).containsEntry("freshness", "LIVE");
    }

    private double stale() {
        return meters.get("market.quotes.stale").tag("market", "US").counter().count();
    }
}
