package dev.tarsspeedy.alert.market.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * The market-data service's public API ({@code spring.http.serviceclient.market.base-url}), in the JSON shapes its
 * README fixes. Every field may be missing; {@link HttpMarketData} decides what a missing one means.
 */
@HttpExchange("/api/market")
interface MarketDataClient {

    @GetExchange("/symbols/{symbol}")
    Mono<SymbolJson> symbol(@PathVariable String symbol, @RequestHeader("Accept-Language") String language);

    @GetExchange("/quotes")
    Mono<QuotesJson> quotes(@RequestParam("symbols") String symbols, @RequestHeader("Accept-Language") String language);

    @GetExchange("/quotes/{symbol}/history")
    Mono<HistoryJson> history(@PathVariable String symbol, @RequestParam("range") String range);

    /** {@code from} and {@code to} as ISO dates (a formatter would write them in a locale's style). */
    @GetExchange("/calendar")
    Mono<CalendarJson> calendar(
            @RequestParam("market") String market,
            @RequestParam("from") String from,
            @RequestParam("to") String to,
            @RequestHeader("Accept-Language") String language);

    record SymbolJson(String symbol, String market, String exchange, String nameKo, String nameEn, String name) {}

    /** {@code missing}: the asked symbols without a quote (not listed, or not fetched yet). */
    record QuotesJson(List<QuoteJson> quotes, List<String> missing) {}

    record QuoteJson(
            String symbol,
            String name,
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
            Boolean inSession,
            Boolean simulated) {}

    /** The day ({@code 1d}) has intraday {@code points}; every longer range ({@code 5d} included) daily {@code bars}. */
    record HistoryJson(String symbol, String range, String currency, List<PointJson> points, List<BarJson> bars) {}

    record PointJson(Instant at, BigDecimal price) {}

    record BarJson(LocalDate date, BigDecimal close) {}

    record CalendarJson(String market, String zone, List<SessionJson> sessions, List<HolidayJson> holidays) {}

    record SessionJson(LocalDate date, Instant opens, Instant closes, String note) {}

    record HolidayJson(LocalDate date, String name) {}
}
