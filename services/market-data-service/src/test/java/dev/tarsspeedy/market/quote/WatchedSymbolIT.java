package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.standin.market.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A symbol somebody starts to watch gets its first quote within seconds; once nobody does, it is no longer polled. */
class WatchedSymbolIT extends MarketTestBase {

    @Test
    void aWatchedSymbolHasItsFirstQuoteWithinFiveSecondsAndAnUnwatchedOneIsNotPolled() {
        goToSession(Market.KRX, Duration.ofMinutes(30));
        String symbol = krxSymbol(0);

        long start = System.nanoTime();
        follow(symbol);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Boolean.TRUE.equals(
                        redis.hasKey("market:quote:" + symbol).block()));
        Duration firstQuote = Duration.ofNanos(System.nanoTime() - start);
        assertThat(firstQuote).isLessThan(Duration.ofSeconds(5));

        Map<String, Object> quote = quote(symbol);
        assertThat(quote)
                .containsEntry("symbol", symbol)
                .containsEntry("market", "KRX")
                .containsEntry("currency", "KRW")
                .containsEntry("source", "KIS")
                .containsEntry("freshness", "LIVE")
                .containsEntry("inSession", true)
                .containsEntry("simulated", false);
        assertThat(new BigDecimal(quote.get("price").toString())).isPositive();

        await().atMost(Duration.ofSeconds(5)).until(() -> !quoteUpdates(symbol).isEmpty());
        QuoteUpdated event = quoteUpdates(symbol).getFirst();
        assertThat(event.source()).isEqualTo("KIS");
        assertThat(event.freshness()).isEqualTo("LIVE");
        assertThat(event.price())
                .isEqualByComparingTo(new BigDecimal(quote.get("price").toString()));

        // Followed: due again once older than the target freshness.
        CLOCK.advance(Duration.ofSeconds(31));
        long before = MARKET.calls().count(Provider.KIS);
        poll();
        assertThat(MARKET.calls().count(Provider.KIS)).isGreaterThan(before);

        unfollow(symbol);
        CLOCK.advance(Duration.ofSeconds(31));
        long after = MARKET.calls().count(Provider.KIS);
        poll();
        CLOCK.advance(Duration.ofSeconds(31));
        poll();
        assertThat(MARKET.calls().count(Provider.KIS)).isEqualTo(after);
    }
}
