package dev.tarsspeedy.market.provider;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import java.util.Objects;

/**
 * A listed stock as a provider's symbol master gives it.
 *
 * @param symbol its code or ticker
 * @param market KRX or US
 * @param exchange the venue: KOSPI, KOSDAQ, NYSE, NASDAQ, ...
 * @param nameKo the Korean name, {@code null} when the provider has none (US listings)
 * @param nameEn the English name, {@code null} when the provider has none
 */
public record Listing(Symbol symbol, Market market, String exchange, String nameKo, String nameEn) {

    public Listing {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        if (nameKo == null && nameEn == null) {
            throw new IllegalArgumentException("a listing has a name: " + symbol);
        }
    }
}
