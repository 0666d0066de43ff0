package dev.tarsspeedy.webapp.stocks.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/** The market-data service's public API (symbol search, quotes, the markets' status), through the gateway. */
@HttpExchange
public interface MarketClient {

    /**
     * A listed stock.
     *
     * @param nameKo the Korean name, {@code null} for most US stocks
     * @param nameEn the English name, {@code null} when no provider gave one yet
     */
    record Listing(
            String symbol,
            String market,
            String exchange,
            String nameKo,
            String nameEn,
            String currency,
            boolean listed) {

        /** The name in the reader's language, the other one when that is missing, else the code. */
        public String name(boolean korean) {
            String first = korean ? nameKo : nameEn;
            String second = korean ? nameEn : nameKo;
            return first != null ? first : second != null ? second : symbol;
        }
    }

    record ListingPage(List<Listing> items, int page, int size, long total) {}

    /** A trading session: its open and close. */
    record Session(Instant opens, Instant closes, String note) {}

    /**
     * One market now.
     *
     * @param session the running session, else the next one ({@code null} past the calendar's data)
     * @param reason why it is closed, in the reader's language ({@code null} while open)
     */
    record MarketStatus(String market, boolean open, boolean simulated, Session session, String reason) {

        /** Whether {@code session} is the one running at {@code at} (else it is the next one). */
        public boolean running(Instant at) {
            return session != null && at != null && !at.isBefore(session.opens()) && at.isBefore(session.closes());
        }
    }

    /** Every market at {@code at}; {@code simulated}: the stand-in's demo session, open around the clock. */
    record MarketsStatus(Instant at, boolean simulated, List<MarketStatus> markets) {}

    /**
     * One quote.
     *
     * @param freshness {@code LIVE}, {@code DELAYED}, {@code END_OF_DAY} or {@code STALE}
     */
    record Quote(
            String symbol,
            String name,
            String market,
            String currency,
            BigDecimal price,
            BigDecimal change,
            BigDecimal changePercent,
            BigDecimal previousClose,
            Long volume,
            Instant asOf,
            String freshness,
            boolean inSession) {}

    record Quotes(List<Quote> quotes, List<String> missing) {}

    /** Codes, tickers, names and Korean initial consonants (초성) alike. */
    @GetExchange("/api/market/symbols")
    Mono<ListingPage> search(
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestParam String q,
            @RequestParam int size);

    @GetExchange("/api/market/symbols/{symbol}")
    Mono<Listing> listing(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @PathVariable String symbol);

    @GetExchange("/api/market/quotes")
    Mono<Quotes> quotes(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestParam String symbols);

    @GetExchange("/api/market/status")
    Mono<MarketsStatus> status(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language);
}
