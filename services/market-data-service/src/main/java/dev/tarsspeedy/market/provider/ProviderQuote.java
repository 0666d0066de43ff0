package dev.tarsspeedy.market.provider;

import dev.tarsspeedy.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A quote as one provider gave it. Adapters turn the provider's fields into this and drop what cannot be a price
 * (0 or below is "no data", never a quote): {@code price} is always positive.
 *
 * @param symbol the stock
 * @param source who gave it
 * @param price last price, positive
 * @param change change from the previous close, {@code null} when the provider does not say
 * @param changePercent the same in percent
 * @param open today's open, {@code null} when unknown
 * @param high today's high
 * @param low today's low
 * @param previousClose the previous trading day's close
 * @param volume shares traded today, {@code null} when unknown
 * @param high52w the 52-week high, {@code null} when the provider does not give it
 * @param low52w the 52-week low
 * @param asOf the provider's time of the price (not the time we fetched it)
 * @param endOfDay the price is a day's close (FSC), not a live one
 * @param simulated the answer came from the local stand-in in its simulated session, not a real market
 */
public record ProviderQuote(
        Symbol symbol,
        ProviderName source,
        BigDecimal price,
        BigDecimal change,
        BigDecimal changePercent,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal previousClose,
        Long volume,
        BigDecimal high52w,
        BigDecimal low52w,
        Instant asOf,
        boolean endOfDay,
        boolean simulated) {

    public ProviderQuote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(asOf, "asOf");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("a quote's price is positive: " + symbol + " " + price);
        }
    }
}
