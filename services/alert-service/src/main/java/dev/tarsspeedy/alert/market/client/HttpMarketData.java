package dev.tarsspeedy.alert.market.client;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.market.MarketData;
import dev.tarsspeedy.alert.market.MarketDataSettings;
import dev.tarsspeedy.alert.market.MarketDataUnavailableException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link MarketData} over the market-data service's public API. Every call has {@code alert.market.timeout}; a
 * timeout, a refused connection, a 5xx or an unreadable answer becomes {@link MarketDataUnavailableException}. Listings
 * are cached ({@code alert.market.listing-cache-*}: symbols hardly change; an unknown symbol is asked again), charts
 * for a minute (every report of that minute shows the same series) and calendars for some minutes; quotes are asked for
 * in as few calls as the service's per-call limit allows, never cached here (the market-data service caches them).
 */
@Component
class HttpMarketData implements MarketData {

    private final MarketDataClient client;
    private final MarketDataSettings settings;
    private final TtlCache<String, Optional<Listing>> listings;
    private final TtlCache<String, List<PricePoint>> charts;
    private final TtlCache<String, Calendar> calendars;

    HttpMarketData(MarketDataClient client, MarketDataSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.listings = new TtlCache<>(settings.listingCacheTtl(), settings.listingCacheSize(), clock);
        this.charts = new TtlCache<>(settings.chartCacheTtl(), 10_000, clock);
        this.calendars = new TtlCache<>(settings.calendarCacheTtl(), 1_000, clock);
    }

    @Override
    public Mono<Optional<Listing>> listing(Symbol symbol, String language) {
        return listings.get(
                symbol.code() + "|" + language,
                () -> guarded(
                        "symbol " + symbol,
                        client.symbol(symbol.code(), language)
                                .map(json -> Optional.of(new Listing(
                                        symbol,
                                        json.market(),
                                        json.exchange(),
                                        name(json, language),
                                        json.nameKo(),
                                        json.nameEn())))
                                .onErrorResume(
                                        WebClientResponseException.class,
                                        error -> error.getStatusCode() == HttpStatus.NOT_FOUND
                                                ? Mono.just(Optional.empty())
                                                : Mono.error(error))
                                .defaultIfEmpty(Optional.empty())),
                // An unknown symbol is not kept: at a first start the market-data service answers 404 for every
                // symbol until its symbol master is loaded, and a kept miss would refuse a listed stock for hours.
                Optional::isPresent);
    }

    @Override
    public Mono<Map<Symbol, Quote>> quotes(Collection<Symbol> symbols, String language) {
        List<String> codes =
                symbols.stream().map(Symbol::code).collect(Collectors.toCollection(LinkedHashSet::new)).stream()
                        .toList();
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<List<String>> calls = new ArrayList<>();
        for (int from = 0; from < codes.size(); from += settings.maxSymbolsPerCall()) {
            calls.add(codes.subList(from, Math.min(codes.size(), from + settings.maxSymbolsPerCall())));
        }
        return Flux.fromIterable(calls)
                .flatMap(
                        chunk -> guarded(
                                "quotes of " + chunk.size() + " symbols",
                                client.quotes(String.join(",", chunk), language)),
                        4)
                .reduce(new HashMap<Symbol, Quote>(), (all, answer) -> {
                    if (answer.quotes() != null) {
                        for (MarketDataClient.QuoteJson json : answer.quotes()) {
                            Quote quote = quote(json);
                            if (quote != null) {
                                all.put(quote.symbol(), quote);
                            }
                        }
                    }
                    return all;
                })
                .map(Map::copyOf);
    }

    @Override
    public Mono<List<PricePoint>> history(Symbol symbol, String range) {
        return charts.get(
                symbol.code() + "|" + range,
                () -> guarded(
                        "history of " + symbol,
                        client.history(symbol.code(), range)
                                .map(HttpMarketData::pricePoints)
                                .onErrorResume(
                                        WebClientResponseException.class,
                                        error -> error.getStatusCode() == HttpStatus.NOT_FOUND
                                                ? Mono.just(List.of())
                                                : Mono.error(error))
                                .defaultIfEmpty(List.of())));
    }

    /**
     * The listing's name for the reader: the service's {@code name} when it gives one, else the Korean name for Korean
     * readers and the English one for others (each falling back to the other).
     */
    private static String name(MarketDataClient.SymbolJson json, String language) {
        if (json.name() != null) {
            return json.name();
        }
        boolean korean =
                language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("ko");
        String first = korean ? json.nameKo() : json.nameEn();
        return first != null ? first : (korean ? json.nameEn() : json.nameKo());
    }

    /** Intraday points as they are; a daily bar is its close at the end of its day (UTC, for ordering only). */
    private static List<PricePoint> pricePoints(MarketDataClient.HistoryJson json) {
        List<PricePoint> points = new ArrayList<>();
        if (json.points() != null) {
            json.points().stream()
                    .filter(point -> point != null && point.at() != null && point.price() != null)
                    .forEach(point -> points.add(new PricePoint(point.at(), point.price())));
        }
        if (json.bars() != null) {
            json.bars().stream()
                    .filter(bar -> bar != null && bar.date() != null && bar.close() != null)
                    .forEach(bar -> points.add(new PricePoint(
                            bar.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), bar.close())));
        }
        return List.copyOf(points);
    }

    @Override
    public Mono<Calendar> calendar(String market, LocalDate from, LocalDate to, String language) {
        return calendars.get(
                market + "|" + from + "|" + to + "|" + language,
                () -> guarded(
                        "calendar of " + market,
                        client.calendar(market, from.toString(), to.toString(), language)
                                .map(json -> new Calendar(
                                        market,
                                        json.zone() != null ? ZoneId.of(json.zone()) : ZoneId.of("UTC"),
                                        json.sessions() == null
                                                ? List.of()
                                                : json.sessions().stream()
                                                        .filter(session -> session.date() != null
                                                                && session.opens() != null
                                                                && session.closes() != null)
                                                        .map(session -> new Session(
                                                                session.date(),
                                                                session.opens(),
                                                                session.closes(),
                                                                session.note()))
                                                        .toList(),
                                        json.holidays() == null
                                                ? List.of()
                                                : json.holidays().stream()
                                                        .filter(holiday -> holiday.date() != null)
                                                        .map(holiday -> new Holiday(holiday.date(), holiday.name()))
                                                        .toList()))));
    }

    private static Quote quote(MarketDataClient.QuoteJson json) {
        if (json == null || json.symbol() == null) {
            return null;
        }
        Symbol symbol;
        try {
            symbol = Symbol.parse(json.symbol());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new Quote(
                symbol,
                json.name(),
                json.market(),
                json.currency(),
                json.price(),
                json.change(),
                json.changePercent(),
                json.open(),
                json.high(),
                json.low(),
                json.previousClose(),
                json.volume(),
                json.high52w(),
                json.low52w(),
                json.source(),
                json.asOf(),
                json.freshness(),
                json.tradingDay(),
                Boolean.TRUE.equals(json.inSession()),
                Boolean.TRUE.equals(json.simulated()));
    }

    /** The call with the time limit; whatever goes wrong (but a 4xx the caller handles) is "unavailable". */
    private <T> Mono<T> guarded(String what, Mono<T> call) {
        return call.timeout(settings.timeout())
                .onErrorMap(
                        error -> !(error instanceof MarketDataUnavailableException),
                        error -> new MarketDataUnavailableException(
                                "market data: " + what + " failed: "
                                        + error.getClass().getSimpleName(),
                                error));
    }
}
