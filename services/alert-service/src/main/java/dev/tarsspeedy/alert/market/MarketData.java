package dev.tarsspeedy.alert.market;

import dev.tarsspeedy.alert.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * What the alert service asks the market-data service (its public API, {@code /api/market/**}; the shapes are in
 * {@code services/market-data-service/README.md}). The adapter lives in {@code market/client}; its failures surface as
 * {@link MarketDataUnavailableException} so callers can answer 503 or retry, never 500.
 */
public interface MarketData {

    /** The listing of a well-formed symbol; empty when no stock is listed under it. */
    Mono<Optional<Listing>> listing(Symbol symbol, String language);

    /** The latest quotes of {@code symbols}; a symbol without a quote yet is missing from the map. */
    Mono<Map<Symbol, Quote>> quotes(Collection<Symbol> symbols, String language);

    /** Price points for a chart: {@code range} is {@code 1d}, {@code 5d}, {@code 1m}, {@code 6m} or {@code 1y}. */
    Mono<List<PricePoint>> history(Symbol symbol, String range);

    /** The sessions of {@code market} ({@code KRX} or {@code US}) between two dates, both inclusive. */
    default Mono<List<Session>> sessions(String market, LocalDate from, LocalDate to) {
        return calendar(market, from, to, "en").map(Calendar::sessions);
    }

    /**
     * The calendar of {@code market} between two dates, both inclusive: its sessions and its holidays (names in
     * {@code language}).
     */
    Mono<Calendar> calendar(String market, LocalDate from, LocalDate to, String language);

    record Listing(Symbol symbol, String market, String exchange, String name, String nameKo, String nameEn) {}

    /** A quote as the market-data service serves it; {@code freshness} is LIVE, DELAYED, END_OF_DAY or STALE. */
    record Quote(
            Symbol symbol,
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
            boolean inSession,
            boolean simulated) {}

    record PricePoint(Instant t, BigDecimal price) {}

    /** A trading day's regular session; {@code note} names a late open or early close. */
    record Session(LocalDate date, Instant opens, Instant closes, String note) {}

    /** A weekday the market is closed, with the holiday's name. */
    record Holiday(LocalDate date, String name) {}

    /** A market's calendar over some dates; {@code zone} is the market's own time zone. */
    record Calendar(String market, ZoneId zone, List<Session> sessions, List<Holiday> holidays) {

        /** The session of a trading date, if the market trades that day. */
        public Optional<Session> session(LocalDate date) {
            return sessions.stream()
                    .filter(session -> session.date().equals(date))
                    .findFirst();
        }

        /** The holiday of a date, if the calendar names one. */
        public Optional<Holiday> holiday(LocalDate date) {
            return holidays.stream()
                    .filter(holiday -> holiday.date().equals(date))
                    .findFirst();
        }
    }
}
