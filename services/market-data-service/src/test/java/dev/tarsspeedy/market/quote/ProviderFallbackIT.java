package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.standin.market.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * KRX quotes fall back from KIS to FSC's end of day when KIS is down, come from KIS again once it recovers, and a
 * price of 0 from any provider is never served or published.
 */
class ProviderFallbackIT extends MarketTestBase {

    @Test
    void kisDownFallsBackToFscEndOfDayAndKisAnswersAgainOnceItRecovers() {
        goToSession(Market.KRX, Duration.ofHours(1));
        String symbol = krxSymbol(2);
        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));
        assertThat(quote(symbol)).containsEntry("source", "KIS").containsEntry("freshness", "LIVE");

        MARKET.controls().down(Provider.KIS);
        CLOCK.advance(Duration.ofSeconds(31));
        poll();
        Map<String, Object> fallback = quote(symbol);
        assertThat(fallback)
                .containsEntry("source", "FSC")
                .containsEntry("freshness", "END_OF_DAY")
                .containsEntry("inSession", false);
        assertThat(new BigDecimal(fallback.get("price").toString())).isPositive();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> quoteUpdates(symbol).getLast().source().equals("FSC"));
        assertThat(quoteUpdates(symbol).getLast())
                .extracting(QuoteUpdated::source, QuoteUpdated::freshness)
                .containsExactly("FSC", "END_OF_DAY");

        MARKET.controls().up(Provider.KIS);
        CLOCK.advance(Duration.ofSeconds(31));
        poll();

        Map<String, Object> recovered = quote(symbol);
        assertThat(recovered).containsEntry("source", "KIS").containsEntry("freshness", "LIVE");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> quoteUpdates(symbol).getLast().source().equals("KIS"));
    }

    @Test
    void aPriceOfZeroIsNeverServedOrPublished() {
        goToSession(Market.KRX, Duration.ofHours(1));
        String symbol = krxSymbol(3);
        MARKET.controls().zeros(symbol);

        follow(symbol);
        awaitProvidersQuiet();
        CLOCK.advance(Duration.ofSeconds(31));
        poll();
        assertThat(quoteCached(symbol)).isFalse();
        assertProblem(
                client().get().uri("/api/market/quotes/{symbol}", symbol).exchange(),
                HttpStatus.NOT_FOUND,
                "no-quote-yet");

        MARKET.controls().reset();
        CLOCK.advance(Duration.ofSeconds(31));
        poll();
        BigDecimal real = new BigDecimal(quote(symbol).get("price").toString());
        assertThat(real).isPositive();

        // KIS alone answers zeros: FSC's close is served instead, never the 0.
        MARKET.controls().zeros(Provider.KIS);
        CLOCK.advance(Duration.ofSeconds(31));
        poll();
        Map<String, Object> served = quote(symbol);
        assertThat(new BigDecimal(served.get("price").toString())).isPositive();
        assertThat(served).containsEntry("source", "FSC");

        await().atMost(Duration.ofSeconds(10)).until(() -> quoteUpdates(symbol).size() >= 2);
        List<QuoteUpdated> published = quoteUpdates(symbol);
        assertThat(published).allSatisfy(event -> assertThat(event.price()).isPositive());
    }
}
