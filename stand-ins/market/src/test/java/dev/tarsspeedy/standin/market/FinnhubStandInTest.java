package dev.tarsspeedy.standin.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.standin.market.MarketClient.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Finnhub contract: quote, no data as zeros, the symbol master, the free tier's refusals and its limit. */
class FinnhubStandInTest {

    /** Monday 2026-12-07 10:30 in New York (EST): the US session is open. */
    static final Instant US_OPEN = Instant.parse("2026-12-07T15:30:00Z");

    private final MutableClock clock = new MutableClock(US_OPEN);
    private MarketStandIn market;
    private MarketClient client;

    @BeforeEach
    void start() {
        market = MarketStandIn.start(MarketStandIn.options()
                .seed(42)
                .clock(clock)
                .finnhubToken(MarketClient.FINNHUB_TOKEN)
                .finnhubCallsPerMinute(10));
        client = new MarketClient(market);
    }

    @AfterEach
    void stop() {
        market.close();
    }

    @Test
    void quoteAnswersTheEightFieldsWithTheTradeTime() {
        Answer answer = client.finnhub("/api/v1/quote?symbol=AAPL");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode q = answer.json();
        assertThat(q.properties().stream().map(java.util.Map.Entry::getKey))
                .containsExactly("c", "d", "dp", "h", "l", "o", "pc", "t");
        double c = q.get("c").asDouble();
        assertThat(c).isPositive();
        assertThat(q.get("d").asDouble())
                .isCloseTo(c - q.get("pc").asDouble(), org.assertj.core.data.Offset.offset(0.005));
        assertThat(q.get("h").asDouble()).isGreaterThanOrEqualTo(c);
        assertThat(q.get("l").asDouble()).isLessThanOrEqualTo(c);
        assertThat(q.get("t").asLong()).isEqualTo(US_OPEN.getEpochSecond());
    }

    @Test
    void theTokenMayComeAsAHeader() {
        Answer answer = client.send(HttpRequest.newBuilder(URI.create(market.baseUrl() + "/api/v1/quote?symbol=MSFT"))
                .header("X-Finnhub-Token", MarketClient.FINNHUB_TOKEN)
                .GET());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("c").asDouble()).isPositive();
    }

    @Test
    void basicFinancialsGiveThe52WeekHighAndLowOfTheYearsHistory() {
        JsonNode answer =
                client.finnhub("/api/v1/stock/metric?symbol=AAPL&metric=all").json();

        assertThat(answer.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(answer.get("metricType").asString()).isEqualTo("all");
        JsonNode metric = answer.get("metric");
        java.math.BigDecimal high = metric.get("52WeekHigh").decimalValue();
        java.math.BigDecimal low = metric.get("52WeekLow").decimalValue();
        // The year's bars before today (what FSC would serve for KRX) and today's quote so far.
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 7);
        java.util.List<DailyBar> year = market.history("AAPL", today.minusWeeks(52), today.minusDays(1));
        JsonNode quote = client.finnhub("/api/v1/quote?symbol=AAPL").json();
        java.math.BigDecimal expectedHigh =
                year.stream().map(DailyBar::high).reduce(quote.get("h").decimalValue(), java.math.BigDecimal::max);
        java.math.BigDecimal expectedLow =
                year.stream().map(DailyBar::low).reduce(quote.get("l").decimalValue(), java.math.BigDecimal::min);
        assertThat(high).isEqualByComparingTo(expectedHigh);
        assertThat(low).isEqualByComparingTo(expectedLow);
        assertThat(java.time.LocalDate.parse(metric.get("52WeekHighDate").asString()))
                .isBetween(today.minusWeeks(52), today);

        JsonNode unknown =
                client.finnhub("/api/v1/stock/metric?symbol=NOPE&metric=all").json();
        assertThat(unknown.get("metric").isEmpty()).isTrue();
        assertThat(client.finnhub("/api/v1/stock/metric?symbol=AAPL").status()).isEqualTo(422);
    }

    @Test
    void unknownSymbolAnswersZerosAndNulls() {
        JsonNode q = client.finnhub("/api/v1/quote?symbol=NOPE").json();

        assertThat(q.get("c").asDouble()).isZero();
        assertThat(q.get("d").isNull()).isTrue();
        assertThat(q.get("dp").isNull()).isTrue();
        assertThat(q.get("t").asLong()).isZero();
    }

    @Test
    void aWrongOrMissingTokenIsRefusedWith401() {
        Answer wrong = client.get("/api/v1/quote?symbol=AAPL&token=wrong");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asString()).isEqualTo("Invalid API key");
        assertThat(client.get("/api/v1/quote?symbol=AAPL").status()).isEqualTo(401);
    }

    @Test
    void aboveTheCallsPerMinuteTheAnswerIs429() {
        for (int i = 0; i < 10; i++) {
            assertThat(client.finnhub("/api/v1/quote?symbol=AAPL").status()).isEqualTo(200);
        }
        Answer limited = client.finnhub("/api/v1/quote?symbol=AAPL");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asString())
                .isEqualTo("API limit reached. Please try again later. Remaining Limit: 0");
        assertThat(market.calls().maxPerMinute(Provider.FINNHUB)).isEqualTo(11);
    }

    @Test
    void koreanSymbolsAreNotOnTheFreeTier() {
        Answer answer = client.finnhub("/api/v1/quote?symbol=005930.KS");
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void moreThanThirtyInOneSecondIs429WhateverThePlan() {
        long[] nanos = {0};
        try (MarketStandIn frozen = MarketStandIn.start(
                MarketStandIn.options().clock(clock).finnhubCallsPerMinute(300).nanoTime(() -> nanos[0]))) {
            MarketClient c = new MarketClient(frozen);
            for (int i = 0; i < 30; i++) {
                assertThat(c.finnhub("/api/v1/quote?symbol=AAPL").status()).isEqualTo(200);
            }
            assertThat(c.finnhub("/api/v1/quote?symbol=AAPL").status()).isEqualTo(429);
            nanos[0] += 1_000_000_000L;
            assertThat(c.finnhub("/api/v1/quote?symbol=AAPL").status()).isEqualTo(200);
        }
    }

    @Test
    void candlesAreRefusedAsOnTheFreeTier() {
        Answer answer = client.finnhub("/api/v1/stock/candle?symbol=AAPL&resolution=D&from=1&to=2");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asString()).isEqualTo("You don't have access to this resource.");
    }

    @Test
    void symbolMasterListsTheShippedUsListings() {
        JsonNode rows = client.finnhub("/api/v1/stock/symbol?exchange=US").json();

        assertThat(rows.size()).isEqualTo(market.listings(Market.US).size());
        JsonNode first = rows.get(0);
        for (String field :
                new String[] {"currency", "description", "displaySymbol", "figi", "mic", "symbol", "type"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(first.get("mic").asString()).isEqualTo("XNAS");
    }
}
