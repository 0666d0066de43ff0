package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.market.MarketData;
import dev.tarsspeedy.alert.watchlist.WatchlistEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds the {@code stock-report} mail model. Market data for many reports is fetched once: {@link #snapshot} asks
 * for the quotes of every symbol of a batch in as few calls as the market-data service allows (once per language,
 * for the names) and for each symbol's chart once (the adapter also keeps charts for a minute), never per row.
 */
@Component
public class ReportComposer {

    /** How many charts are fetched at once. */
    private static final int CHART_CONCURRENCY = 8;

    /** The most quotes kept for reuse; beyond it, stale ones are dropped. */
    private static final int MAX_REUSED = 50_000;

    private final MarketData market;
    private final ReportSettings settings;
    private final Clock clock;
    private final Map<String, Reused> recent = new ConcurrentHashMap<>();

    public ReportComposer(MarketData market, ReportSettings settings, Clock clock) {
        this.market = market;
        this.settings = settings;
        this.clock = clock;
    }

    /** The market data of a batch of reports: quotes by language and symbol, charts by symbol. */
    public record Snapshot(Map<String, Map<Symbol, MarketData.Quote>> quotes, Map<Symbol, Chart> charts) {

        public static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

        MarketData.Quote quote(String language, Symbol symbol) {
            return quotes.getOrDefault(language, Map.of()).get(symbol);
        }
    }

    /** A chart's range ({@code 1d} in the session, else {@code 1m}) and prices, oldest first. */
    public record Chart(String range, List<BigDecimal> prices) {}

    /**
     * Quotes (per language) and charts of {@code symbols}. A quote fetched for an earlier batch less than
     * {@code alert.report.quote-reuse} ago is used again, so a minute with many due reports asks for each symbol's
     * quote about once.
     */
    public Mono<Snapshot> snapshot(Collection<Symbol> symbols, Set<String> languages) {
        Set<Symbol> distinct = new LinkedHashSet<>(symbols);
        if (distinct.isEmpty()) {
            return Mono.just(Snapshot.EMPTY);
        }
        return Flux.fromIterable(languages)
                .concatMap(language -> quotes(distinct, language).map(quotes -> Map.entry(language, quotes)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(quotes -> {
                    Map<Symbol, Boolean> inSession = new HashMap<>();
                    quotes.values()
                            .forEach(byLanguage -> byLanguage.forEach(
                                    (symbol, quote) -> inSession.merge(symbol, quote.inSession(), Boolean::logicalOr)));
                    return Flux.fromIterable(distinct)
                            .flatMap(
                                    symbol -> {
                                        String range = inSession.getOrDefault(symbol, false) ? "1d" : "1m";
                                        return market.history(symbol, range)
                                                .map(points -> Map.entry(symbol, new Chart(range, prices(points))));
                                    },
                                    CHART_CONCURRENCY)
                            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                            .map(charts -> new Snapshot(Map.copyOf(quotes), Map.copyOf(charts)));
                });
    }

    private record Reused(MarketData.Quote quote, Instant fetched) {}

    private Mono<Map<Symbol, MarketData.Quote>> quotes(Set<Symbol> symbols, String language) {
        Instant now = clock.instant();
        Instant fresh = now.minus(settings.quoteReuse());
        Map<Symbol, MarketData.Quote> found = new HashMap<>();
        List<Symbol> missing = new ArrayList<>();
        for (Symbol symbol : symbols) {
            Reused reused = recent.get(symbol.code() + "|" + language);
            if (reused != null && reused.fetched().isAfter(fresh)) {
                found.put(symbol, reused.quote());
            } else {
                missing.add(symbol);
            }
        }
        if (missing.isEmpty()) {
            return Mono.just(found);
        }
        return market.quotes(missing, language).map(quotes -> {
            if (recent.size() > MAX_REUSED) {
                recent.values().removeIf(reused -> !reused.fetched().isAfter(fresh));
            }
            quotes.forEach((symbol, quote) -> recent.put(symbol.code() + "|" + language, new Reused(quote, now)));
            found.putAll(quotes);
            return found;
        });
    }

    /**
     * The model of one report.
     *
     * @param name the schedule's name (may be empty)
     * @param entries the watchlist entries to show, in order (already filtered by market)
     * @param marketNote the "market closed today" line, or empty
     */
    public Map<String, Object> model(
            String name,
            ZoneId zone,
            String language,
            Instant generatedAt,
            String manageUrl,
            String marketNote,
            List<WatchlistEntry> entries,
            Snapshot snapshot) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WatchlistEntry entry : entries) {
            rows.add(row(
                    entry,
                    snapshot.quote(language, entry.symbol()),
                    snapshot.charts().get(entry.symbol()),
                    zone));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name == null ? "" : name);
        model.put("zone", zone.getId());
        model.put("generatedAt", iso(generatedAt, zone));
        model.put("manageUrl", manageUrl);
        model.put("marketNote", marketNote == null ? "" : marketNote);
        model.put("rows", rows);
        return model;
    }

    /** "KRX is closed today (Chuseok)." in the reader's language, one sentence per closed market. */
    public static String marketNote(List<OccurrencePlan.Closed> closed, String language) {
        List<String> sentences = new ArrayList<>();
        for (OccurrencePlan.Closed market : closed) {
            String holiday =
                    market.holiday() == null || market.holiday().isBlank() ? "" : " (" + market.holiday() + ")";
            sentences.add(
                    "ko".equals(language)
                            ? market.market() + " 오늘 휴장" + holiday + "."
                            : market.market() + " is closed today" + holiday + ".");
        }
        return String.join(" ", sentences);
    }

    private Map<String, Object> row(WatchlistEntry entry, MarketData.Quote quote, Chart chart, ZoneId zone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", entry.symbol().code());
        row.put(
                "stockName",
                quote != null && quote.name() != null
                        ? quote.name()
                        : entry.symbol().code());
        row.put("market", quote != null && quote.market() != null ? quote.market() : entry.market());
        row.put(
                "currency",
                quote != null && quote.currency() != null
                        ? quote.currency()
                        : "KRX".equals(entry.market()) ? "KRW" : "USD");
        row.put("price", quote == null ? null : quote.price());
        row.put("change", quote == null ? null : quote.change());
        row.put("changePercent", quote == null ? null : quote.changePercent());
        row.put("open", quote == null ? null : quote.open());
        row.put("high", quote == null ? null : quote.high());
        row.put("low", quote == null ? null : quote.low());
        row.put("volume", quote == null ? null : quote.volume());
        row.put("high52w", quote == null ? null : quote.high52w());
        row.put("low52w", quote == null ? null : quote.low52w());
        row.put("source", quote == null || quote.source() == null ? "" : quote.source());
        row.put("asOf", quote == null || quote.asOf() == null ? null : iso(quote.asOf(), zone));
        row.put("freshness", quote == null || quote.freshness() == null ? "STALE" : quote.freshness());
        row.put("chartRange", chart == null ? "1m" : chart.range());
        row.put("chart", chart == null ? List.of() : chart.prices());
        return row;
    }

    /** The points' prices, evenly thinned to at most {@code maxChartPoints} (the last one always kept). */
    List<BigDecimal> prices(List<MarketData.PricePoint> points) {
        List<BigDecimal> prices = points.stream()
                .map(MarketData.PricePoint::price)
                .filter(price -> price != null)
                .toList();
        int max = settings.maxChartPoints();
        if (prices.size() <= max) {
            return prices;
        }
        List<BigDecimal> thinned = new ArrayList<>(max);
        double step = (prices.size() - 1) / (double) (max - 1);
        for (int i = 0; i < max; i++) {
            thinned.add(prices.get((int) Math.round(i * step)));
        }
        return thinned;
    }

    static String iso(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
