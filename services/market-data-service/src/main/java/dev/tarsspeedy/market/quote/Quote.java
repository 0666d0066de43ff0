package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * The quote TARS serves: a provider's quote with its market's currency, how fresh it is, the trading day it belongs
 * to and whether that day's session was running at its {@code asOf}.
 *
 * @param provider the provider's quote (source, prices, {@code asOf}, end-of-day and simulated flags)
 * @param freshness how current it was when it was fetched (served quotes are re-rated, see {@link QuoteService})
 * @param tradingDay the day of {@code asOf} in the market's zone
 * @param inSession whether the market's session was running at {@code asOf}
 * @param fetchedAt when the service received it (the poller's clock for what is due)
 */
public record Quote(
        ProviderQuote provider, Freshness freshness, LocalDate tradingDay, boolean inSession, Instant fetchedAt) {

    public Quote {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(tradingDay, "tradingDay");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        // ProviderQuote refuses it already; a price of 0 must never reach a user, so check again here.
        if (provider.price().signum() <= 0) {
            throw new IllegalArgumentException("a quote's price is positive: " + provider.symbol());
        }
    }

    public Symbol symbol() {
        return provider.symbol();
    }

    public Market market() {
        return provider.symbol().market();
    }

    public Currency currency() {
        return market().currency();
    }

    public boolean simulated() {
        return provider.simulated();
    }

    public Quote withFreshness(Freshness rated) {
        return rated == freshness ? this : new Quote(provider, rated, tradingDay, inSession, fetchedAt);
    }

    /** Whether a consumer would see a difference: price, volume or freshness. */
    public boolean differsFrom(Quote previous) {
        return previous == null
                || provider.price().compareTo(previous.provider.price()) != 0
                || !Objects.equals(provider.volume(), previous.provider.volume())
                || freshness != previous.freshness;
    }
}
