package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.symbol.SymbolMaster;
import dev.tarsspeedy.market.symbol.UnknownSymbolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Quotes in and out: every provider quote becomes a rated {@link Quote}, is published when a consumer would see a
 * difference (price, volume or freshness) and cached; quotes are served re-rated at the time of the request, so a
 * quote nobody refreshed turns {@code STALE} by itself.
 */
@Service
public class QuoteService {

    private static final Logger log = LoggerFactory.getLogger(QuoteService.class);

    /**
     * Quotes taken in at once: each is a Kafka send awaiting its acknowledgement and a few Redis writes, so one after
     * the other they cost a poll of 2,500 symbols over a minute on a busy machine (bench/market); side by side the
     * producer batches the sends and Redis pipelines the writes. A refresh names each symbol once, so a symbol's own
     * order (publish, then cache) is kept.
     */
    static final int ACCEPT_CONCURRENCY = 32;

    private final QuoteFetcher fetcher;
    private final QuoteCache cache;
    private final QuoteHistory history;
    private final YearRange yearRange;
    private final QuoteEvents events;
    private final QuoteFeed feed;
    private final MarketSessions sessions;
    private final SymbolMaster master;
    private final QuoteSettings settings;
    private final QuoteMetrics metrics;
    private final Clock clock;

    QuoteService(
            QuoteFetcher fetcher,
            QuoteCache cache,
            QuoteHistory history,
            YearRange yearRange,
            QuoteEvents events,
            QuoteFeed feed,
            MarketSessions sessions,
            SymbolMaster master,
            QuoteSettings settings,
            QuoteMetrics metrics,
            Clock clock) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.history = history;
        this.yearRange = yearRange;
        this.events = events;
        this.feed = feed;
        this.sessions = sessions;
        this.master = master;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Fetches the symbols (one market) through the fallback order and takes in what came back. */
    public Mono<List<Quote>> refresh(Market market, List<Symbol> symbols, Map<Symbol, Quote> cached) {
        if (symbols.isEmpty()) {
            return Mono.just(List.of());
        }
        return fetcher.quotes(market, symbols, cached)
                .flatMapMany(Flux::fromIterable)
                .flatMap(
                        quote -> accept(quote, cached.get(quote.symbol())).onErrorResume(error -> {
                            log.warn("quote of {} not taken in: {}", quote.symbol(), error.toString());
                            return Mono.empty();
                        }),
                        ACCEPT_CONCURRENCY)
                .collectList();
    }

    /**
     * Completes the provider's quote with its 52-week range where the provider left it out ({@link YearRange}), rates
     * it, publishes it when it changed (before caching it: should the broker fail, the next poll finds the old quote
     * cached and publishes again) and caches it.
     */
    Mono<Quote> accept(ProviderQuote fetched, Quote previous) {
        Market market = fetched.symbol().market();
        LocalDate tradingDay = fetched.asOf().atZone(market.zone()).toLocalDate();
        return yearRange.complete(fetched, tradingDay).flatMap(completed -> take(completed, tradingDay, previous));
    }

    private Mono<Quote> take(ProviderQuote fetched, LocalDate tradingDay, Quote previous) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Market market = fetched.symbol().market();
            Freshness freshness = rate(fetched, now);
            if (freshness == Freshness.STALE) {
                metrics.stale(market);
            }
            Quote quote = new Quote(fetched, freshness, tradingDay, sessions.isOpen(market, fetched.asOf()), now);
            Mono<Void> publish = quote.differsFrom(previous)
                    ? events.publish(quote).then(feed.announce(quote).onErrorResume(error -> {
                        log.debug("quote of {} not announced to the streams: {}", quote.symbol(), error.toString());
                        return Mono.empty();
                    }))
                    : Mono.empty();
            Mono<Void> intraday = !fetched.endOfDay() && quote.inSession() ? cache.addIntraday(quote) : Mono.empty();
            return publish.then(cache.save(quote)).then(intraday).thenReturn(quote);
        });
    }

    /** How fresh a provider quote is at {@code now}. */
    Freshness rate(ProviderQuote quote, Instant now) {
        Market market = quote.symbol().market();
        if (quote.endOfDay() || !sessions.isOpen(market, now)) {
            return Freshness.END_OF_DAY;
        }
        Duration age = Duration.between(quote.asOf(), now);
        if (age.compareTo(settings.targetFreshness(market)) <= 0) {
            return Freshness.LIVE;
        }
        return age.compareTo(settings.freshnessLimit(market)) <= 0 ? Freshness.DELAYED : Freshness.STALE;
    }

    /** The quote as served now: re-rated at the current time. */
    public Quote served(Quote quote) {
        return quote.withFreshness(rate(quote.provider(), clock.instant()));
    }

    /**
     * The symbol's quote: the cached one, else (in session) one fetched now within the budget and {@code
     * fetchTimeout}.
     */
    public Mono<Quote> quote(Symbol symbol) {
        return requireListed(symbol)
                .then(cache.latest(symbol))
                .switchIfEmpty(Mono.defer(() -> fetchOnDemand(symbol)))
                .map(this::served)
                .switchIfEmpty(Mono.error(() -> new NoQuoteYetException(symbol)));
    }

    private Mono<Quote> fetchOnDemand(Symbol symbol) {
        if (!sessions.isOpen(symbol.market(), clock.instant())) {
            return Mono.empty();
        }
        return refresh(symbol.market(), List.of(symbol), Map.of())
                .timeout(settings.fetchTimeout())
                .flatMap(quotes -> Mono.justOrEmpty(quotes.stream().findFirst()))
                .onErrorResume(error -> {
                    log.debug("no quote of {} on demand: {}", symbol, error.toString());
                    return Mono.empty();
                });
    }

    /** The cached quotes of the symbols, served now; symbols without one are left out. */
    public Mono<List<Quote>> quotes(Collection<Symbol> symbols) {
        return cache.latest(symbols)
                .map(found -> symbols.stream()
                        .distinct()
                        .filter(found::containsKey)
                        .map(symbol -> served(found.get(symbol)))
                        .toList());
    }

    /** The intraday series (range 1d) or the daily closes of the range. */
    public Mono<PriceHistory> history(Symbol symbol, HistoryRange range) {
        return requireListed(symbol).then(Mono.defer(() -> {
            LocalDate today = clock.instant().atZone(symbol.market().zone()).toLocalDate();
            if (range.intraday()) {
                return cache.latest(symbol)
                        .map(Quote::tradingDay)
                        .defaultIfEmpty(today)
                        .flatMap(day -> cache.intraday(symbol, day).collectList())
                        .map(points -> PriceHistory.intraday(symbol, range, points));
            }
            return history.range(symbol, range.from(today), today)
                    .collectList()
                    .map(bars -> PriceHistory.daily(symbol, range, bars));
        }));
    }

    /** The cached quotes of the symbols, then every change announced by any instance. */
    public Flux<Quote> stream(Set<Symbol> symbols) {
        return quotes(symbols)
                .flatMapMany(Flux::fromIterable)
                .concatWith(feed.announced()
                        .filter(quote -> symbols.contains(quote.symbol()))
                        .map(this::served));
    }

    /** Backfills a year of daily closes unless the symbol has some already. */
    public Mono<Integer> backfill(Symbol symbol) {
        return history.hasAny(symbol).flatMap(has -> {
            if (has) {
                return Mono.just(0);
            }
            LocalDate today = clock.instant().atZone(symbol.market().zone()).toLocalDate();
            LocalDate from = today.minusDays(settings.historyDepth().toDays());
            return fetcher.history(symbol, from, today)
                    .flatMap(bars -> history.saveAll(bars).thenReturn(bars.size()));
        });
    }

    /** Stores the day's bar of every quote of that trading day (the closing fetch). */
    Mono<Void> recordCloses(List<Quote> quotes, LocalDate day) {
        List<DailyBar> bars = quotes.stream()
                .filter(quote -> quote.tradingDay().equals(day))
                .map(quote -> {
                    ProviderQuote q = quote.provider();
                    return new DailyBar(
                            q.symbol(),
                            day,
                            q.open(),
                            q.high(),
                            q.low(),
                            q.price(),
                            q.volume() == null ? 0 : q.volume(),
                            q.source());
                })
                .toList();
        return bars.isEmpty() ? Mono.empty() : history.saveAll(bars);
    }

    private Mono<Void> requireListed(Symbol symbol) {
        return master.isListed(symbol)
                .flatMap(known -> known ? Mono.<Void>empty() : Mono.error(new UnknownSymbolException(symbol)));
    }
}
