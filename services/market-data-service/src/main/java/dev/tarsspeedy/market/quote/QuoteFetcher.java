package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.ProviderBudgets;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.Providers;
import dev.tarsspeedy.market.provider.QuoteProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks the providers of a market in its fallback order ({@link Providers#forMarket}: KIS then FSC's end of day for
 * KRX, Finnhub for US), in calls of each provider's {@code maxSymbolsPerCall}.
 *
 * <ul>
 *   <li>A provider that is down, too slow or refuses our key is skipped for {@code providerPause}, then tried again:
 *       when it has recovered it is the first to answer again.
 *   <li>Symbols a provider has no price for (its 0 is "no data") go to the next provider.
 *   <li>A call our budget (or the provider's limit) refuses is not handed to the fallback: those symbols wait for the
 *       next tick, so a rate limit never burns the end-of-day provider's daily quota.
 *   <li>An end-of-day quote is fetched again only after {@code endOfDayRefresh}: the day's close does not move.
 * </ul>
 */
@Component
public class QuoteFetcher {

    private static final Logger log = LoggerFactory.getLogger(QuoteFetcher.class);

    private final Providers providers;
    private final ProviderBudgets budgets;
    private final QuoteSettings settings;
    private final Clock clock;
    private final Map<ProviderName, Instant> pausedUntil = new ConcurrentHashMap<>();

    QuoteFetcher(Providers providers, ProviderBudgets budgets, QuoteSettings settings, Clock clock) {
        this.providers = providers;
        this.budgets = budgets;
        this.settings = settings;
        this.clock = clock;
    }

    /** The market's providers, in the order they are asked. */
    public List<QuoteProvider> chain(Market market) {
        return providers.forMarket(market);
    }

    /** The most calls the market's first provider's budget lets through in {@code window} (1 without a provider). */
    public long callsWithin(Market market, Duration window) {
        return chain(market).stream()
                .findFirst()
                .map(provider -> budgets.budget(provider.name()).maxCallsIn(window))
                .orElse(1L);
    }

    /** How many symbols the market's first provider takes per call. */
    public int symbolsPerCall(Market market) {
        return chain(market).stream()
                .findFirst()
                .map(QuoteProvider::maxSymbolsPerCall)
                .orElse(1);
    }

    /**
     * Quotes of {@code symbols} (one market) from the first provider that has them.
     *
     * @param cached the cached quotes, so an end-of-day quote is not fetched again too soon
     */
    public Mono<List<ProviderQuote>> quotes(Market market, List<Symbol> symbols, Map<Symbol, Quote> cached) {
        return step(chain(market), 0, List.copyOf(symbols), cached, new ArrayList<>());
    }

    private Mono<List<ProviderQuote>> step(
            List<QuoteProvider> chain,
            int index,
            List<Symbol> remaining,
            Map<Symbol, Quote> cached,
            List<ProviderQuote> found) {
        if (remaining.isEmpty() || index >= chain.size()) {
            return Mono.just(found);
        }
        QuoteProvider provider = chain.get(index);
        if (paused(provider.name())) {
            return step(chain, index + 1, remaining, cached, found);
        }
        List<Symbol> ask = provider.endOfDay()
                ? remaining.stream()
                        .filter(symbol -> !recentEndOfDay(cached.get(symbol), provider))
                        .toList()
                : remaining;
        Set<Symbol> deferred = ConcurrentHashMap.newKeySet();
        return Flux.fromIterable(partition(ask, provider.maxSymbolsPerCall()))
                .concatMap(chunk -> paused(provider.name())
                        ? Mono.just(List.<ProviderQuote>of())
                        : provider.quotes(chunk)
                                .timeout(settings.fetchTimeout())
                                .onErrorResume(error -> {
                                    failed(provider.name(), chunk, error, deferred);
                                    return Mono.just(List.of());
                                }))
                .flatMapIterable(list -> list)
                .filter(quote -> ask.contains(quote.symbol()))
                .collectList()
                .flatMap(quotes -> {
                    found.addAll(quotes);
                    Set<Symbol> answered = new HashSet<>();
                    quotes.forEach(quote -> answered.add(quote.symbol()));
                    List<Symbol> rest = ask.stream()
                            .filter(symbol -> !answered.contains(symbol) && !deferred.contains(symbol))
                            .toList();
                    return step(chain, index + 1, rest, cached, found);
                });
    }

    /** Daily bars of the symbol from the first provider of its market that keeps history. */
    public Mono<List<DailyBar>> history(Symbol symbol, LocalDate from, LocalDate to) {
        return Flux.fromIterable(chain(symbol.market()))
                .concatMap(provider -> provider.history(symbol, from, to)
                        .collectList()
                        .onErrorResume(error -> {
                            log.info("no history of {} from {}: {}", symbol, provider.name(), error.toString());
                            return Mono.just(List.of());
                        }))
                .filter(bars -> !bars.isEmpty())
                .next()
                .defaultIfEmpty(List.of());
    }

    private void failed(ProviderName provider, List<Symbol> chunk, Throwable error, Set<Symbol> deferred) {
        if (error instanceof ProviderException.RateLimited) {
            // Our budget or the provider's limit: the symbols wait for the next tick instead of burning the fallback.
            deferred.addAll(chunk);
            log.debug("{} rate limited: {} symbols wait for the next tick", provider, chunk.size());
            return;
        }
        Instant until = clock.instant().plus(settings.providerPause());
        if (pausedUntil.put(provider, until) == null) {
            log.warn("{} failed ({}): falling back for {}", provider, error.toString(), settings.providerPause());
        }
    }

    private boolean paused(ProviderName provider) {
        Instant until = pausedUntil.get(provider);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        if (pausedUntil.remove(provider, until)) {
            log.info("{}: trying it again", provider);
        }
        return false;
    }

    private boolean recentEndOfDay(Quote quote, QuoteProvider provider) {
        return quote != null
                && quote.provider().source() == provider.name()
                && quote.provider().endOfDay()
                && Duration.between(quote.fetchedAt(), clock.instant()).compareTo(settings.endOfDayRefresh()) < 0;
    }

    static <T> List<List<T>> partition(List<T> items, int size) {
        int step = Math.max(1, size);
        List<List<T>> parts = new ArrayList<>();
        for (int start = 0; start < items.size(); start += step) {
            parts.add(items.subList(start, Math.min(items.size(), start + step)));
        }
        return parts;
    }
}
