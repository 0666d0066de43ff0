package dev.tarsspeedy.standin.market;

import static dev.tarsspeedy.standin.market.MarketClient.APP_KEY;
import static dev.tarsspeedy.standin.market.MarketClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.standin.market.MarketClient.Answer;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The switches, from Java and over HTTP, and the call accounting. */
class ControlsTest {

    /** Monday 2026-12-07 10:30 in New York, 00:30 on Tuesday in Seoul: US open, KRX closed. */
    static final Instant US_OPEN = Instant.parse("2026-12-07T15:30:00Z");

    private final MutableClock clock = new MutableClock(US_OPEN);
    private MarketStandIn market;
    private MarketClient client;

    @BeforeEach
    void start() {
        market = MarketStandIn.start(MarketStandIn.options()
                .seed(42)
                .clock(clock)
                .kisKey(APP_KEY, APP_SECRET)
                .fscKey(MarketClient.FSC_KEY)
                .finnhubToken(MarketClient.FINNHUB_TOKEN));
        client = new MarketClient(market);
    }

    @AfterEach
    void stop() {
        market.close();
    }

    @Test
    void aProviderDownAnswers503OrDropsTheConnectionUntilUp() {
        market.controls().down(Provider.FINNHUB);
        assertThat(client.finnhub("/api/v1/quote?symbol=AAPL").status()).isEqualTo(503);
        assertThat(client.fsc(Map.of("basDt", "20261204")).status()).isEqualTo(200);

        market.controls().down(Provider.FINNHUB, Outage.DROP);
        assertThatThrownBy(() -> client.finnhub("/api/v1/quote?symbol=AAPL")).isInstanceOf(UncheckedIOException.class);

        market.controls().up(Provider.FINNHUB);
        assertThat(client.finnhub("/api/v1/quote?symbol=AAPL").status()).isEqualTo(200);
    }

    @Test
    void slowAnswersComeAfterTheDelay() {
        market.controls().slow(Provider.FSC, Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThat(client.fsc(Map.of("basDt", "20261204")).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void badKeyMakesEveryProviderRefuseAsItRefusesAWrongKey() {
        market.controls().badKey(Provider.KIS).badKey(Provider.FSC).badKey(Provider.FINNHUB);

        Answer token = client.tokenP(APP_KEY, APP_SECRET);
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.json().get("error_code").asString()).isEqualTo("EGW00103");
        assertThat(client.fsc(Map.of("basDt", "20261204")).body()).contains("<returnReasonCode>30</returnReasonCode>");
        assertThat(client.finnhub("/api/v1/quote?symbol=AAPL").status()).isEqualTo(401);
    }

    @Test
    void zerosForAProviderOrASymbol() {
        String token = client.token();
        market.controls().zeros(Provider.KIS);
        assertThat(client.inquirePrice(token, "005930")
                        .json()
                        .get("output")
                        .get("stck_prpr")
                        .asString())
                .isEqualTo("0");
        assertThat(client.finnhub("/api/v1/quote?symbol=AAPL").json().get("c").asDouble())
                .isPositive();

        market.controls().reset().zeros("AAPL");
        assertThat(client.inquirePrice(token, "005930")
                        .json()
                        .get("output")
                        .get("stck_prpr")
                        .asString())
                .isNotEqualTo("0");
        JsonNode aapl = client.finnhub("/api/v1/quote?symbol=AAPL").json();
        assertThat(aapl.get("c").asDouble()).isZero();
        assertThat(aapl.get("d").isNull()).isTrue();
        assertThat(client.finnhub("/api/v1/quote?symbol=MSFT").json().get("c").asDouble())
                .isPositive();
    }

    @Test
    void staleServesWhatWasTrueAnHourAgo() {
        long fresh = client.finnhub("/api/v1/quote?symbol=AAPL").json().get("t").asLong();
        market.controls().stale(Provider.FINNHUB, Duration.ofHours(1));

        JsonNode stale = client.finnhub("/api/v1/quote?symbol=AAPL").json();

        assertThat(stale.get("t").asLong()).isEqualTo(fresh - 3600);
        assertThat(new BigDecimal(stale.get("c").asString()))
                .isEqualTo(market.model()
                        .snapshot(market.master().find("AAPL").orElseThrow(), US_OPEN.minusSeconds(3600))
                        .price());
    }

    @Test
    void aPriceSetIsTheNextQuoteAndTheWalkGoesOnFromThere() {
        String token = client.token();
        market.controls().price("005930", new BigDecimal("71000"));
        assertThat(client.inquirePrice(token, "005930")
                        .json()
                        .get("output")
                        .get("stck_prpr")
                        .asString())
                .isEqualTo("71000");

        market.controls().price("AAPL", new BigDecimal("321.45"));
        assertThat(new BigDecimal(client.finnhub("/api/v1/quote?symbol=AAPL")
                        .json()
                        .get("c")
                        .asString()))
                .isEqualByComparingTo("321.45");
        clock.advance(Duration.ofMinutes(30));
        BigDecimal later = new BigDecimal(
                client.finnhub("/api/v1/quote?symbol=AAPL").json().get("c").asString());
        assertThat(later).isNotEqualByComparingTo("321.45").isBetween(new BigDecimal("300"), new BigDecimal("345"));
    }

    @Test
    void theSwitchesWorkOverHttpAndDeleteResetsThem() {
        assertThat(client.post("/control/price", "{\"symbol\":\"AAPL\",\"price\":123.45}")
                        .status())
                .isEqualTo(200);
        assertThat(client.finnhub("/api/v1/quote?symbol=AAPL").json().get("c").asString())
                .isEqualTo("123.45");

        assertThat(client.post("/control/down", "{\"provider\":\"FINNHUB\"}").status())
                .isEqualTo(200);
        assertThat(client.finnhub("/api/v1/quote?symbol=MSFT").status()).isEqualTo(503);
        assertThat(client.post("/control/zeros", "{\"symbol\":\"005930\"}").status())
                .isEqualTo(200);
        assertThat(client.post("/control/stale", "{\"provider\":\"KIS\",\"ageSeconds\":3600}")
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/control/slow", "{\"provider\":\"FSC\",\"delayMillis\":10}")
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/control/bad-key", "{\"provider\":\"FSC\"}").status())
                .isEqualTo(200);
        JsonNode state = client.get("/control").json();
        assertThat(state.get("down").get("FINNHUB").asString()).isEqualTo("HTTP_503");
        assertThat(state.get("zeroSymbols").get(0).asString()).isEqualTo("005930");

        assertThat(client.delete("/control").status()).isEqualTo(204);
        assertThat(client.finnhub("/api/v1/quote?symbol=MSFT").status()).isEqualTo(200);
        assertThat(client.get("/control").json().get("down").isEmpty()).isTrue();

        assertThat(client.post("/control/down", "{\"provider\":\"NOPE\"}").status())
                .isEqualTo(400);
        assertThat(client.post("/control/price", "{\"symbol\":\"NOPE\",\"price\":1}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void callsAreCountedPerProviderAndEndpointAndReset() {
        client.token();
        client.finnhub("/api/v1/quote?symbol=AAPL");
        client.finnhub("/api/v1/quote?symbol=MSFT");
        client.fsc(Map.of("basDt", "20261204"));
        client.get("/control");

        assertThat(market.calls().count(Provider.KIS)).isEqualTo(1);
        assertThat(market.calls().count(Provider.KIS, "tokenP")).isEqualTo(1);
        assertThat(market.calls().tokenIssues()).isEqualTo(1);
        assertThat(market.calls().count(Provider.FINNHUB, "quote")).isEqualTo(2);
        assertThat(market.calls().maxPerSecond(Provider.FINNHUB)).isBetween(1L, 2L);
        assertThat(market.calls().maxPerMinute(Provider.FINNHUB)).isEqualTo(2);
        assertThat(market.calls().count(Provider.FSC, "getStockPriceInfo")).isEqualTo(1);

        JsonNode calls = client.get("/control/calls").json();
        assertThat(calls.get("FINNHUB").get("count").asLong()).isEqualTo(2);
        assertThat(calls.get("FINNHUB").get("endpoints").get("quote").asLong()).isEqualTo(2);
        assertThat(calls.get("tokenIssues").asLong()).isEqualTo(1);

        assertThat(client.delete("/control/calls").status()).isEqualTo(204);
        assertThat(market.calls().count(Provider.FINNHUB)).isZero();
        assertThat(market.calls().tokenIssues()).isZero();
    }

    @Test
    void callWindowsMeasureTheRealClock() {
        long[] now = {0};
        try (MarketStandIn timed =
                MarketStandIn.start(MarketStandIn.options().clock(clock).nanoTime(() -> now[0]))) {
            MarketClient c = new MarketClient(timed);
            for (int i = 0; i < 5; i++) {
                c.finnhub("/api/v1/quote?symbol=AAPL");
                now[0] += 300_000_000L; // 0.3 s apart
            }
            assertThat(timed.calls().maxPerSecond(Provider.FINNHUB)).isEqualTo(4);
            assertThat(timed.calls().maxPerMinute(Provider.FINNHUB)).isEqualTo(5);
        }
    }
}
