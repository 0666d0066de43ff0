package dev.tarsspeedy.market.symbol;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * A stock of the symbol master.
 *
 * @param symbol its code or ticker
 * @param market KRX or US
 * @param exchange KOSPI, KOSDAQ, NYSE, NASDAQ, ...
 * @param nameKo the Korean name, {@code null} when no provider gave one (most US listings)
 * @param nameEn the English name, {@code null} until a provider gives one (KRX listings from FSC)
 * @param listed whether the last refresh of its market still listed it
 * @param updatedAt when a refresh last wrote it
 */
public record ListedSymbol(
        Symbol symbol,
        Market market,
        String exchange,
        String nameKo,
        String nameEn,
        boolean listed,
        Instant updatedAt) {

    public ListedSymbol {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        if (nameKo == null && nameEn == null) {
            throw new IllegalArgumentException("a listed symbol has a name: " + symbol);
        }
    }

    /** The name in Korean when there is one, else in English; or in English first. */
    public String name(boolean koreanFirst) {
        if (koreanFirst) {
            return nameKo != null ? nameKo : nameEn;
        }
        return nameEn != null ? nameEn : nameKo;
    }
}
