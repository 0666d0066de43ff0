package dev.tarsspeedy.contracts.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stock's quote changed: the whole quote, so a consumer never needs an earlier event to understand a later one.
 *
 * <p>Published by the market-data service to {@link #TOPIC}, keyed by the symbol, so one symbol's quotes arrive in
 * order. The price is always positive: a provider's 0 is "no data" and never becomes an event. Consumers (the alert
 * service) must not treat a quote whose {@code freshness} is not {@code LIVE} or {@code DELAYED} as a live price, and
 * should apply an event only when its {@code asOf} is later than the one they hold.
 *
 * @param symbol KRX code ({@code 005930}) or US ticker ({@code AAPL})
 * @param market {@code KRX} or {@code US}
 * @param currency ISO 4217 code of every price: {@code KRW} or {@code USD}
 * @param price last price, positive
 * @param change change from the previous close, {@code null} when unknown
 * @param changePercent the same in percent
 * @param open today's open, {@code null} when unknown
 * @param high today's high
 * @param low today's low
 * @param previousClose the previous trading day's close
 * @param volume shares traded today, {@code null} when unknown
 * @param high52w the 52-week high, {@code null} when unknown
 * @param low52w the 52-week low
 * @param source the provider: {@code KIS}, {@code FSC} or {@code FINNHUB}
 * @param asOf the provider's time of the price
 * @param freshness {@code LIVE}, {@code DELAYED}, {@code END_OF_DAY} or {@code STALE} (older than the market's limit)
 * @param tradingDay the trading day the price belongs to, in the market's zone
 * @param inSession whether the market's regular session was running at {@code asOf}
 * @param simulated the price comes from the local stand-in's simulated session, not a real market
 */
public record QuoteUpdated(
        String symbol,
        String market,
        String currency,
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
        String source,
        Instant asOf,
        String freshness,
        LocalDate tradingDay,
        boolean inSession,
        boolean simulated) {

    public static final String TOPIC = "market.quote-updated.v1";
    public static final String TYPE = "QuoteUpdated";
    public static final int VERSION = 1;

    public QuoteUpdated {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(freshness, "freshness");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("a quote's price is positive: " + symbol + " " + price);
        }
    }
}
