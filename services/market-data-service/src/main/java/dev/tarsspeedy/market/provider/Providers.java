package dev.tarsspeedy.market.provider;

import dev.tarsspeedy.market.Market;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The providers and the fallback order of each market, as data: KRX asks KIS (live) first, then FSC's last close
 * (end of day); US asks Finnhub. The quote feature walks the list and falls back on a {@link ProviderException}.
 */
@Component
public class Providers {

    /** Each market's providers, best first. */
    public static final Map<Market, List<ProviderName>> ORDER = Map.of(
            Market.KRX, List.of(ProviderName.KIS, ProviderName.FSC),
            Market.US, List.of(ProviderName.FINNHUB));

    private final Map<ProviderName, QuoteProvider> providers = new EnumMap<>(ProviderName.class);

    public Providers(List<QuoteProvider> providers) {
        for (QuoteProvider provider : providers) {
            this.providers.put(provider.name(), provider);
        }
    }

    /** The providers of {@code market} in fallback order (those configured in this service). */
    public List<QuoteProvider> forMarket(Market market) {
        return ORDER.get(market).stream()
                .map(providers::get)
                .filter(provider -> provider != null)
                .toList();
    }

    public Optional<QuoteProvider> get(ProviderName name) {
        return Optional.ofNullable(providers.get(name));
    }

    public List<QuoteProvider> all() {
        return List.copyOf(providers.values());
    }
}
