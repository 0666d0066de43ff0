package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.support.MarketTestBase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** The quote API: several quotes, one quote, history ranges, the SSE stream and its limits. */
class QuoteApiIT extends MarketTestBase {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {};

    @Test
    void quotesOfSeveralSymbolsNameTheOnesWithoutAQuote() {
        goToSession(Market.KRX, Duration.ofMinutes(30));
        String first = krxSymbol(20);
        String second = krxSymbol(21);
        String notFollowed = krxSymbol(22);
        follow(first);
        follow(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(first) && quoteCached(second));

        Map<String, Object> body = client().get()
                .uri("/api/market/quotes?symbols={symbols}", first + "," + second.toLowerCase() + "," + notFollowed)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(quotes(body)).extracting(quote -> quote.get("symbol")).containsExactly(first, second);
        assertThat(quotes(body))
                .allSatisfy(
                        quote -> assertThat(new BigDecimal(quote.get("price").toString()))
                                .isPositive());
        assertThat(body.get("missing")).isEqualTo(List.of(notFollowed));
    }

    @Test
    void historyHasTheDaysPricesAndDailyClosesForLongerRanges() {
        goToSession(Market.KRX, Duration.ofMinutes(30));
        String symbol = krxSymbol(23);
        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));
        // The backfill writes a year of closes oldest first: wait for the last month's too.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from quote_history where symbol = :symbol", "symbol", symbol) > 200
                        && list(history(symbol, "1m"), "bars").size() >= 15);

        Map<String, Object> day = history(symbol, "1d");
        assertThat(day)
                .containsEntry("symbol", symbol)
                .containsEntry("range", "1d")
                .containsEntry("currency", "KRW");
        assertThat(list(day, "points")).isNotEmpty();

        int month = list(history(symbol, "1m"), "bars").size();
        int half = list(history(symbol, "6m"), "bars").size();
        int year = list(history(symbol, "1y"), "bars").size();
        int fiveDays = list(history(symbol, "5d"), "bars").size();
        assertThat(fiveDays).isBetween(1, 6);
        assertThat(month).isBetween(15, 23);
        assertThat(half).isGreaterThan(month);
        assertThat(year).isGreaterThan(half).isGreaterThan(200);
        assertThat(list(history(symbol, "1y"), "bars"))
                .allSatisfy(bar ->
                        assertThat(new BigDecimal(bar.get("close").toString())).isPositive());
    }

    @Test
    void theStreamSendsTheCachedQuoteThenEachChange() {
        goToSession(Market.KRX, Duration.ofMinutes(30));
        String symbol = krxSymbol(24);
        follow(symbol);
        await().atMost(Duration.ofSeconds(10)).until(() -> quoteCached(symbol));

        Flux<ServerSentEvent<Map<String, Object>>> stream = client().mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .get()
                .uri("/api/market/quotes/stream?symbols={symbol}", symbol)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(EVENT)
                .getResponseBody()
                .filter(event -> event.data() != null);

        BigDecimal jump = new BigDecimal(quote(symbol).get("price").toString())
                .multiply(new BigDecimal("1.1"))
                .setScale(-2, java.math.RoundingMode.HALF_UP)
                .setScale(0);
        List<Map<String, Object>> received = stream.map(ServerSentEvent::data)
                .doOnNext(first -> {
                    if (first.get("symbol").equals(symbol)
                            && new BigDecimal(first.get("price").toString()).compareTo(jump) != 0) {
                        // The cached quote came first: now move the price and poll.
                        MARKET.controls().price(symbol, jump);
                        CLOCK.advance(Duration.ofSeconds(31));
                        new Thread(this::poll).start();
                    }
                })
                .takeUntil(event -> new BigDecimal(event.get("price").toString()).compareTo(jump) == 0)
                .collectList()
                .block(Duration.ofSeconds(40));

        assertThat(received).hasSizeGreaterThanOrEqualTo(2);
        assertThat(received.getFirst()).containsEntry("symbol", symbol);
        assertThat(new BigDecimal(received.getLast().get("price").toString())).isEqualByComparingTo(jump);
    }

    @Test
    void badInputIsAProblem() {
        String many =
                IntStream.range(0, 300).mapToObj(i -> String.format("%06d", i)).collect(Collectors.joining(","));
        assertThat(assertProblem(
                        client().get()
                                .uri("/api/market/quotes?symbols={s}", many)
                                .exchange(),
                        HttpStatus.BAD_REQUEST,
                        "too-many-symbols"))
                .containsEntry("limit", 50);
        assertProblem(
                client().get()
                        .uri("/api/market/quotes/stream?symbols={s}", many)
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "too-many-symbols");
        assertProblem(
                client().get().uri("/api/market/quotes?symbols=").exchange(),
                HttpStatus.BAD_REQUEST,
                "malformed-symbol");
        assertProblem(
                client().get().uri("/api/market/quotes?symbols=005930,$$$").exchange(),
                HttpStatus.BAD_REQUEST,
                "malformed-symbol");
        assertProblem(
                client().get()
                        .uri("/api/market/quotes/{symbol}/history?range=2y", krxSymbol(0))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "bad-range");
        assertProblem(
                client().get().uri("/api/market/quotes/999990").exchange(), HttpStatus.NOT_FOUND, "unknown-symbol");
        assertProblem(
                client().get().uri("/api/market/quotes/999990/history?range=1m").exchange(),
                HttpStatus.NOT_FOUND,
                "unknown-symbol");
        assertProblem(
                client().get()
                        .uri("/api/market/quotes/0059300")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "malformed-symbol");
    }

    private Map<String, Object> history(String symbol, String range) {
        return client().get()
                .uri("/api/market/quotes/{symbol}/history?range={range}", symbol, range)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> quotes(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("quotes");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String member) {
        return (List<Map<String, Object>>) body.get(member);
    }
}
