package dev.tarsspeedy.market;

import dev.tarsspeedy.market.support.MarketTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemLanguageContract;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Cause;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;

/**
 * Every problem type of the market-data service (quotes, symbols, calendars), caused for real in Korean and English.
 * Tests of the exact words of each feature's details live with the feature (CalendarApiIT, SymbolApiIT, QuoteApiIT).
 */
class ProblemLanguageIT extends MarketTestBase implements ProblemLanguageContract {

    @Override
    public ProblemTriggers problemTriggers() {
        String many =
                IntStream.range(0, 300).mapToObj(i -> String.format("%06d", i)).collect(Collectors.joining(","));
        return ProblemTriggers.create()
                // quote
                .trigger(
                        "unknown-symbol",
                        HttpStatus.NOT_FOUND,
                        Detail.of("unknown-symbol.detail", "999990"),
                        () -> client().get().uri("/api/market/quotes/999990"))
                .trigger(
                        "malformed-symbol",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("malformed-symbol.detail", "00593"),
                        () -> client().get().uri("/api/market/quotes/00593"))
                .trigger(
                        "too-many-symbols",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("too-many-symbols.detail", 300, 50),
                        () -> client().get().uri("/api/market/quotes?symbols={symbols}", many))
                .trigger(
                        "bad-range",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("bad-range.detail", "2y"),
                        () -> client().get().uri("/api/market/quotes/{symbol}/history?range=2y", krxSymbol(0)))
                .computed("no-quote-yet", HttpStatus.NOT_FOUND, () -> {
                    // A listed symbol nobody follows whose providers have no price for it: nothing to serve.
                    String symbol = krxSymbol(150);
                    MARKET.controls().zeros(symbol);
                    return new Cause(
                            client().get().uri("/api/market/quotes/{symbol}", symbol),
                            Detail.of("no-quote-yet.detail", symbol),
                            () -> MARKET.controls().reset());
                })
                // calendar
                .trigger(
                        "unknown-market",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("unknown-market.detail", "LSE", "KRX, US"),
                        () -> client().get().uri("/api/market/calendar?market=LSE"))
                .trigger(
                        "invalid-date",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("invalid-date.detail", "from", "2026-13-01"),
                        () -> client().get().uri("/api/market/calendar?market=KRX&from=2026-13-01"))
                .trigger(
                        "bad-date-range",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("bad-date-range.reversed", "2026-12-31", "2026-12-01"),
                        () -> client().get().uri("/api/market/calendar?market=KRX&from=2026-12-31&to=2026-12-01"))
                .trigger(
                        "calendar-not-covered",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("calendar-not-covered.detail", "KRX", "2031"),
                        () -> client().get().uri("/api/market/calendar?market=KRX&from=2031-01-05&to=2031-01-09"))
                // symbol
                .trigger(
                        "invalid-search-query",
                        HttpStatus.BAD_REQUEST,
                        Detail.inReadersLanguage(),
                        // A blank q: given as a variable, so the client encodes the blank (a literal %20 would be sent
                        // as %2520).
                        () -> client().get().uri("/api/market/symbols?q={q}", " "))
                .trigger(
                        "invalid-page",
                        HttpStatus.BAD_REQUEST,
                        Detail.inReadersLanguage(),
                        () -> client().get().uri("/api/market/symbols?q=samsung&page=-1"));
    }
}
