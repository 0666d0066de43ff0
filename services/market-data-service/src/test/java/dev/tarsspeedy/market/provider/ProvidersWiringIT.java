package dev.tarsspeedy.market.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.platform.test.ServiceTestBase;
import dev.tarsspeedy.standin.market.MarketStandIn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider feature as the application wires it: no keys configured, so every provider is the stand-in (in its
 * simulated session, as in the local stack), reached through {@link Providers}, with the health group and the metrics
 * saying so.
 */
class ProvidersWiringIT extends ServiceTestBase {

    static final MarketStandIn MARKET =
            MarketStandIn.start(MarketStandIn.options().port(0).seed(42).demoSession(true));

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        registry.add("market.providers.stand-in-url", MARKET::baseUrl);
        // This context stays cached while the other ITs run on the same database and Redis: its jobs (the symbol
        // refresh at start, the poller) would hold their cluster locks and rows under the other contexts' feet.
        registry.add("platform.scheduling.enabled", () -> "false");
    }

    @Autowired
    Providers providers;

    @Test
    void withoutKeysEveryProviderIsTheStandInAndHealthAndMetricsSaySo() {
        assertThat(providers.forMarket(Market.KRX))
                .extracting(QuoteProvider::name)
                .containsExactly(ProviderName.KIS, ProviderName.FSC);
        assertThat(providers.forMarket(Market.US))
                .extracting(QuoteProvider::name)
                .containsExactly(ProviderName.FINNHUB);
        assertThat(providers.all()).noneMatch(QuoteProvider::live);

        List<ProviderQuote> quotes = providers
                .forMarket(Market.KRX)
                .getFirst()
                .quotes(List.of(Symbol.parse("005930")))
                .block(Duration.ofSeconds(20));
        assertThat(quotes).singleElement().satisfies(quote -> {
            assertThat(quote.source()).isEqualTo(ProviderName.KIS);
            assertThat(quote.simulated()).isTrue();
        });

        client().get()
                .uri("/actuator/health/providers")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.marketProviders.details.kis.mode")
                .isEqualTo("stand-in")
                .jsonPath("$.components.marketProviders.details.kis.baseUrl")
                .isEqualTo(MARKET.baseUrl())
                .jsonPath("$.components.marketProviders.details.kis.lastOutcome")
                .isEqualTo("ok")
                .jsonPath("$.components.marketProviders.details.finnhub.mode")
                .isEqualTo("stand-in");

        String metrics = client().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .containsPattern("market_provider_calls_total\\{[^}]*outcome=\"ok\"[^}]*provider=\"kis\"[^}]*} [1-9]")
                .containsPattern("market_provider_budget_permits\\{[^}]*provider=\"kis\"[^}]*} 18\\.0")
                .containsPattern("market_provider_budget_permits\\{[^}]*provider=\"finnhub\"[^}]*} 1\\.0");
    }
}
