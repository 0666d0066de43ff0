package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.Providers;
import dev.tarsspeedy.market.provider.QuoteProvider;
import dev.tarsspeedy.market.provider.YearHighLow;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * The 52-week high and low of a quote whose provider leaves them out: KIS's multi-quote (what polling uses for more
 * than one code), Finnhub's quote and FSC's prices carry none, and the alert service's 52-week alerts read them from
 * every {@code QuoteUpdated}. They come from the stored daily bars of the 52 weeks before the quote's trading day, else
 * (US: no history source on Finnhub's free tier) from a provider that keeps the figures ({@link
 * QuoteProvider#yearRange}), combined with the day's own high, low and price. Only stored history that reaches back the
 * whole 52 weeks counts: a range over a few weeks of closes would announce false 52-week highs, so without it and
 * without a provider's figures the quote keeps none. Per symbol, the stored part or the provider's figures are read
 * once a trading day on each instance; a provider is asked in the background, never holding up a price.
 */
@Component
class YearRange {

    private static final Logger log = LoggerFactory.getLogger(YearRange.class);

    /** The weeks of the range. */
    static final int WEEKS = 52;

    /** How late the oldest stored bar may start and still cover the range: a holiday week at its start. */
    static final int COVERAGE_SLACK_DAYS = 14;

    /** The highest high and lowest low of the stored bars before a trading day ({@code null}: not covered). */
    record Stored(LocalDate day, BigDecimal high, BigDecimal low) {}

    private final QuoteHistory history;
    private final Providers providers;
    private final Map<Symbol, Stored> stored = new ConcurrentHashMap<>();
    private final Set<Symbol> asking = ConcurrentHashMap.newKeySet();

    YearRange(QuoteHistory history, Providers providers) {
        this.history = history;
        this.providers = providers;
    }

    /** The quote with the 52-week high and low filled in where the provider gave none and the history covers them. */
    Mono<ProviderQuote> complete(ProviderQuote quote, LocalDate tradingDay) {
        if (quote.high52w() != null && quote.low52w() != null) {
            return Mono.just(quote);
        }
        return before(quote.symbol(), tradingDay)
                .map(range -> range.high() == null ? quote : withRange(quote, range))
                .onErrorResume(error -> {
                    log.debug("no 52-week range of {}: {}", quote.symbol(), error.toString());
                    return Mono.just(quote);
                });
    }

    private Mono<Stored> before(Symbol symbol, LocalDate day) {
        Stored known = stored.get(symbol);
        if (known != null && known.day().equals(day)) {
            return Mono.just(known);
        }
        LocalDate from = day.minusWeeks(WEEKS);
        return history.range(symbol, from, day.minusDays(1)).collectList().flatMap(bars -> {
            Stored range = range(day, from, bars);
            if (range.high() != null) {
                stored.put(symbol, range);
                return Mono.just(range);
            }
            return fromProviders(symbol, day);
        });
    }

    /**
     * The figures of the first provider of the market that keeps them, asked in the background so that a price is never
     * held up for them (the quote that finds none yet goes on without, later ones of the day have them) and kept for the
     * day, found or not; a failed call is asked again with the next quote. Uncovered and not kept when no provider keeps
     * them (KRX: the backfill of a newly followed symbol may be under way).
     */
    private Mono<Stored> fromProviders(Symbol symbol, LocalDate day) {
        Stored uncovered = new Stored(day, null, null);
        List<QuoteProvider> keeping = providers.forMarket(symbol.market()).stream()
                .filter(QuoteProvider::keepsYearRange)
                .toList();
        if (keeping.isEmpty() || !asking.add(symbol)) {
            return Mono.just(uncovered);
        }
        Flux.fromIterable(keeping)
                .concatMap(provider -> provider.yearRange(symbol))
                .next()
                .map((YearHighLow figures) -> new Stored(day, figures.high(), figures.low()))
                .defaultIfEmpty(uncovered)
                .doFinally(signal -> asking.remove(symbol))
                .subscribe(
                        range -> stored.put(symbol, range),
                        error -> log.debug("no 52-week figures of {} from a provider: {}", symbol, error.toString()));
        return Mono.fromSupplier(() -> {
            Stored known = stored.get(symbol);
            return known != null && known.day().equals(day) ? known : uncovered;
        });
    }

    /** The stored part of the range, when the bars (oldest first) reach back to {@code from}. */
    static Stored range(LocalDate day, LocalDate from, List<DailyBar> bars) {
        if (bars.isEmpty() || bars.getFirst().date().isAfter(from.plusDays(COVERAGE_SLACK_DAYS))) {
            return new Stored(day, null, null);
        }
        BigDecimal high = null;
        BigDecimal low = null;
        for (DailyBar bar : bars) {
            high = max(high, positive(bar.high(), bar.close()));
            low = min(low, positive(bar.low(), bar.close()));
        }
        return new Stored(day, high, low);
    }

    private static ProviderQuote withRange(ProviderQuote q, Stored range) {
        BigDecimal high = max(max(range.high(), positive(q.high(), q.price())), q.price());
        BigDecimal low = min(min(range.low(), positive(q.low(), q.price())), q.price());
        return new ProviderQuote(
                q.symbol(),
                q.source(),
                q.price(),
                q.change(),
                q.changePercent(),
                q.open(),
                q.high(),
                q.low(),
                q.previousClose(),
                q.volume(),
                q.high52w() != null ? q.high52w() : high,
                q.low52w() != null ? q.low52w() : low,
                q.asOf(),
                q.endOfDay(),
                q.simulated());
    }

    private static BigDecimal positive(BigDecimal value, BigDecimal otherwise) {
        return value != null && value.signum() > 0 ? value : otherwise;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }
}
