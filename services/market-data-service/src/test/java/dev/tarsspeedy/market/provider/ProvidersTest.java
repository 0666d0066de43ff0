package dev.tarsspeedy.market.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Market;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    @Test
    void theFallbackOrderIsKisThenFscForKrxAndFinnhubForUs() {
        assertThat(Providers.ORDER.get(Market.KRX)).containsExactly(ProviderName.KIS, ProviderName.FSC);
        assertThat(Providers.ORDER.get(Market.US)).containsExactly(ProviderName.FINNHUB);
        assertThat(Providers.ORDER).containsOnlyKeys(Market.values());
    }

    @Test
    void theCallsMetricHasEveryProviderAndOutcome() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        ProviderCalls calls = new ProviderCalls(registry, java.time.Clock.systemUTC());
        calls.failed(ProviderName.KIS, new ProviderException.BadCredentials(ProviderName.KIS, "EGW00103"));

        assertThat(registry.get("market.provider.calls").counters()).hasSize(12);
        assertThat(registry.get("market.provider.calls")
                        .tag("provider", "kis")
                        .tag("outcome", "bad_credentials")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(List.of(ProviderCalls.Outcome.values()))
                .extracting(ProviderCalls.Outcome::label)
                .containsExactly("ok", "rate_limited", "error", "bad_credentials");
    }
}
