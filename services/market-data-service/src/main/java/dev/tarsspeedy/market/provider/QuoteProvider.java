package dev.tarsspeedy.market.provider;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One market-data provider (KIS, FSC, Finnhub), behind its adapter. Every call an adapter makes goes through the
 * provider's budget first, so no caller can exceed it; a call the budget cannot afford now fails with {@link
 * ProviderException.RateLimited} without reaching the provider.
 *
 * <p>Failures are {@link ProviderException}s: {@code RateLimited} (our budget or the provider's limit answer),
 * {@code Unavailable} (down, slow, malformed answer), {@code BadCredentials} (key refused). An adapter never returns a
 * quote with a price of 0 or below: such a row is left out.
 */
public interface QuoteProvider {

    ProviderName name();

    /** The markets this provider quotes. */
    Set<Market> markets();

    /** The most symbols one quote call covers (KIS's multi-quote: 30; Finnhub: 1). */
    int maxSymbolsPerCall();

    /** Whether its quotes are a day's close (FSC) rather than live prices. */
    boolean endOfDay();

    /**
     * Quotes of {@code symbols} (all of one market, at most {@link #maxSymbolsPerCall()}), in as few calls as the
     * provider allows; symbols it has no price for are missing from the list.
     */
    Mono<List<ProviderQuote>> quotes(List<Symbol> symbols);

    /** Daily bars of {@code symbol} from {@code from} to {@code to}; empty when the provider keeps no history. */
    Flux<DailyBar> history(Symbol symbol, LocalDate from, LocalDate to);

    /** The provider's symbol master for {@code market}; empty when it has none for that market. */
    Flux<Listing> listings(Market market);

    /**
     * The provider's own record of one listing, to enrich the symbol master where the master lacks something (KIS's
     * {@code search-stock-info} gives the English name, {@code prdt_eng_name}, that FSC's listings do not); empty when
     * the provider has no such call or does not know the symbol. One call per symbol, within the budget.
     */
    default Mono<Listing> listing(Symbol symbol) {
        return Mono.empty();
    }

    /** Whether {@link #yearRange(Symbol)} asks the provider (Finnhub's basic financials); else it is always empty. */
    default boolean keepsYearRange() {
        return false;
    }

    /**
     * The symbol's 52-week high and low as the provider keeps them, for a market whose quotes and stored history lack
     * them (US: Finnhub's quotes have none, and its daily candles are not on the free tier); empty when the provider has
     * no figures for it. One call per symbol, within the budget.
     */
    default Mono<YearHighLow> yearRange(Symbol symbol) {
        return Mono.empty();
    }

    /** Whether the provider is configured with real keys (false: it talks to the local stand-in). */
    boolean live();
}
