package dev.tarsspeedy.standin.market;

import static dev.tarsspeedy.standin.market.MarketClient.APP_KEY;
import static dev.tarsspeedy.standin.market.MarketClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.standin.market.MarketClient.Answer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The KIS contract: token issue and its limits, the three quotation calls, and KIS's errors. */
class KisStandInTest {

    /** Monday 2026-12-07 10:00 in Seoul: the KRX session is open. */
    static final Instant KRX_OPEN = Instant.parse("2026-12-07T01:00:00Z");

    private final MutableClock clock = new MutableClock(KRX_OPEN);
    private MarketStandIn market;
    private MarketClient client;

    @BeforeEach
    void start() {
        market = MarketStandIn.start(MarketStandIn.options()
                .port(0)
                .seed(42)
                .clock(clock)
                .demoSession(false)
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
    void tokenIsIssuedForADayAsKisWritesIt() {
        Answer answer = client.tokenP(APP_KEY, APP_SECRET);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("access_token").asString()).startsWith("eyJ");
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(86_400);
        String expected = LocalDateTime.ofInstant(KRX_OPEN.plus(Duration.ofDays(1)), ZoneId.of("Asia/Seoul"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(json.get("access_token_token_expired").asString()).isEqualTo(expected);
        assertThat(market.calls().tokenIssues()).isEqualTo(1);
    }

    @Test
    void aSecondIssueWithinAMinuteIsRefusedWithEgw00133() {
        client.token();
        clock.advance(Duration.ofSeconds(59));

        Answer again = client.tokenP(APP_KEY, APP_SECRET);

        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().get("error_code").asString()).isEqualTo("EGW00133");
        assertThat(again.json().get("error_description").asString()).contains("1분당 1회");
        assertThat(market.calls().tokenIssues()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(client.tokenP(APP_KEY, APP_SECRET).status()).isEqualTo(200);
        assertThat(market.calls().tokenIssues()).isEqualTo(2);
    }

    @Test
    void aReissueWithinSixHoursHandsTheSameToken() {
        String first = client.token();
        clock.advance(Duration.ofHours(1));
        assertThat(client.token()).isEqualTo(first);
        clock.advance(Duration.ofHours(6));
        assertThat(client.token()).isNotEqualTo(first);
    }

    @Test
    void badAppKeyOrSecretIsRefusedAsKisDoes() {
        Answer key = client.tokenP("wrong", APP_SECRET);
        assertThat(key.status()).isEqualTo(403);
        assertThat(key.json().get("error_code").asString()).isEqualTo("EGW00103");
        Answer secret = client.tokenP(APP_KEY, "wrong");
        assertThat(secret.status()).isEqualTo(403);
        assertThat(secret.json().get("error_code").asString()).isEqualTo("EGW00105");
        assertThat(market.calls().tokenIssues()).isZero();
    }

    @Test
    void inquirePriceAnswersTheQuoteWithNumbersAsStrings() {
        Answer answer = client.inquirePrice(client.token(), "005930");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("rt_cd").asString()).isEqualTo("0");
        assertThat(json.get("msg_cd").asString()).isEqualTo("MCA00000");
        assertThat(json.get("msg1").asString()).isEqualTo("정상처리 되었습니다.");
        JsonNode o = json.get("output");
        for (String field : new String[] {
            "stck_prpr",
            "prdy_vrss",
            "prdy_vrss_sign",
            "prdy_ctrt",
            "acml_vol",
            "acml_tr_pbmn",
            "stck_oprc",
            "stck_hgpr",
            "stck_lwpr",
            "stck_sdpr",
            "w52_hgpr",
            "w52_lwpr"
        }) {
            assertThat(o.get(field).isString()).as(field).isTrue();
        }
        long price = Long.parseLong(o.get("stck_prpr").asString());
        long previous = Long.parseLong(o.get("stck_sdpr").asString());
        assertThat(price).isPositive();
        assertThat(price % Ticks.krxTick(price)).isZero();
        assertThat(Long.parseLong(o.get("prdy_vrss").asString())).isEqualTo(price - previous);
        assertThat(Long.parseLong(o.get("stck_hgpr").asString())).isGreaterThanOrEqualTo(price);
        assertThat(Long.parseLong(o.get("stck_lwpr").asString())).isLessThanOrEqualTo(price);
        assertThat(Long.parseLong(o.get("w52_hgpr").asString())).isGreaterThanOrEqualTo(price);
        assertThat(Long.parseLong(o.get("w52_lwpr").asString())).isLessThanOrEqualTo(price);
        assertThat(o.has("stck_cntg_hour"))
                .as("inquire-price carries no quote time")
                .isFalse();
        assertThat(answer.header(MarketStandIn.SESSION_HEADER)).isNull();
    }

    @Test
    void unknownCodeAnswersSuccessWithZeros() {
        Answer answer = client.inquirePrice(client.token(), "999999");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("rt_cd").asString()).isEqualTo("0");
        assertThat(answer.json().get("output").get("stck_prpr").asString()).isEqualTo("0");
    }

    @Test
    void multiPriceAnswersUpToThirtyCodesWithTheRealFieldNames() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("FID_COND_MRKT_DIV_CODE_1", "J");
        query.put("FID_INPUT_ISCD_1", "005930");
        query.put("FID_COND_MRKT_DIV_CODE_2", "J");
        query.put("FID_INPUT_ISCD_2", "000660");
        String token = client.token();
        Answer answer = client.kis("intstock-multprice", "FHKST11300006", token, query);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode rows = answer.json().get("output");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("inter_shrn_iscd").asString()).isEqualTo("005930");
        assertThat(rows.get(0).get("inter_kor_isnm").asString()).isEqualTo("삼성전자");
        assertThat(rows.get(1).get("inter_kor_isnm").asString()).isEqualTo("SK하이닉스");
        for (String field : new String[] {
            "inter2_prpr",
            "inter2_prdy_vrss",
            "prdy_ctrt",
            "acml_vol",
            "inter2_oprc",
            "inter2_hgpr",
            "inter2_lwpr",
            "inter2_prdy_clpr"
        }) {
            assertThat(rows.get(0).get(field).isString()).as(field).isTrue();
        }
        String single = client.inquirePrice(token, "005930")
                .json()
                .get("output")
                .get("stck_prpr")
                .asString();
        assertThat(rows.get(0).get("inter2_prpr").asString()).isEqualTo(single);
    }

    @Test
    void inquireCcnlGivesTheLatestTradesWithTheirTime() {
        String token = client.token();
        Answer answer = client.inquirePrice(token, "005930");
        Answer trades = client.kis(
                "inquire-ccnl",
                "FHKST01010300",
                token,
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"));

        assertThat(trades.status()).isEqualTo(200);
        JsonNode rows = trades.json().get("output");
        assertThat(rows.size()).isEqualTo(30);
        assertThat(rows.get(0).get("stck_cntg_hour").asString()).isEqualTo("100000");
        assertThat(rows.get(1).get("stck_cntg_hour").asString()).isEqualTo("095950");
        assertThat(rows.get(0).get("stck_prpr").asString())
                .isEqualTo(answer.json().get("output").get("stck_prpr").asString());

        market.controls().stale(Provider.KIS, Duration.ofHours(1));
        JsonNode stale = client.kis(
                        "inquire-ccnl",
                        "FHKST01010300",
                        token,
                        Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"))
                .json()
                .get("output");
        assertThat(stale.get(0).get("stck_cntg_hour").asString()).isEqualTo("090000");
    }

    @Test
    void searchStockInfoGivesTheEnglishName() {
        Answer answer = client.kis(
                "search-stock-info", "CTPF1002R", client.token(), Map.of("PRDT_TYPE_CD", "300", "PDNO", "005930"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode o = answer.json().get("output");
        assertThat(o.get("prdt_name").asString()).isEqualTo("삼성전자");
        assertThat(o.get("prdt_eng_name").asString()).isEqualTo("Samsung Electronics");
        assertThat(o.get("std_pdno").asString()).isEqualTo("KR7005930003");
    }

    @Test
    void invalidAndExpiredTokensAreRefusedWithKisCodes() {
        Answer invalid = client.inquirePrice("not-a-token", "005930");
        assertThat(invalid.status()).isEqualTo(500);
        assertThat(invalid.json().get("rt_cd").asString()).isEqualTo("1");
        assertThat(invalid.json().get("msg_cd").asString()).isEqualTo("EGW00121");

        String token = client.token();
        clock.advance(Duration.ofHours(24));
        Answer expired = client.inquirePrice(token, "005930");
        assertThat(expired.status()).isEqualTo(500);
        assertThat(expired.json().get("msg_cd").asString()).isEqualTo("EGW00123");
        assertThat(expired.json().get("msg1").asString()).isEqualTo("기간이 만료된 token 입니다.");
    }

    @Test
    void morePerSecondThanTheLimitIsRefusedWithEgw00201() {
        long[] nanos = {0};
        try (MarketStandIn frozen = MarketStandIn.start(MarketStandIn.options()
                .clock(clock)
                .kisKey(APP_KEY, APP_SECRET)
                .nanoTime(() -> nanos[0]))) { // every call within the same real second
            MarketClient c = new MarketClient(frozen);
            String token = c.token();
            int ok = 0;
            for (int i = 0; i < 25; i++) {
                Answer answer = c.inquirePrice(token, "005930");
                if (answer.status() == 200) {
                    ok++;
                } else {
                    assertThat(answer.status()).isEqualTo(500);
                    assertThat(answer.json().get("rt_cd").asString()).isEqualTo("1");
                    assertThat(answer.json().get("msg_cd").asString()).isEqualTo("EGW00201");
                    assertThat(answer.json().get("msg1").asString()).isEqualTo("초당 거래건수를 초과하였습니다.");
                }
            }
            assertThat(ok).isEqualTo(20);
            assertThat(frozen.calls().maxPerSecond(Provider.KIS)).isEqualTo(26); // the token call too
            assertThat(frozen.calls().count(Provider.KIS, "inquire-price")).isEqualTo(25);

            nanos[0] += 1_000_000_000L; // a second later the window has room again
            assertThat(c.inquirePrice(token, "005930").status()).isEqualTo(200);
        }
    }

    @Test
    void wrongKeyHeadersOrTrIdOrAMissingCodeAreRefusedInKisShape() {
        String token = client.token();
        Answer wrongTrId = client.kis(
                "inquire-price",
                "FHKST01010400",
                token,
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"));
        assertThat(wrongTrId.status()).isEqualTo(500);
        assertThat(wrongTrId.json().get("rt_cd").asString()).isEqualTo("1");

        Answer missing = client.kis("inquire-price", "FHKST01010100", token, Map.of("FID_COND_MRKT_DIV_CODE", "J"));
        assertThat(missing.status()).isEqualTo(500);
        assertThat(missing.json().get("msg1").asString()).contains("FID_INPUT_ISCD");

        market.controls().badKey(Provider.KIS);
        Answer refused = client.inquirePrice(token, "005930");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().get("msg_cd").asString()).isEqualTo("EGW00103");
    }

    @Test
    void multiPriceIgnoresCodesPastTheThirtieth() {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 1; i <= 31; i++) {
            query.put("FID_COND_MRKT_DIV_CODE_" + i, "J");
            query.put("FID_INPUT_ISCD_" + i, market.listings(Market.KRX).get(i).symbol());
        }
        Answer answer = client.kis("intstock-multprice", "FHKST11300006", client.token(), query);

        assertThat(answer.json().get("output").size()).isEqualTo(30);
        assertThat(market.calls().count(Provider.KIS, "intstock-multprice")).isEqualTo(1);
    }

    @Test
    void theSameSeedAndClockGiveTheSamePrice() {
        String price = client.inquirePrice(client.token(), "035420")
                .json()
                .get("output")
                .get("stck_prpr")
                .asString();
        try (MarketStandIn twin = MarketStandIn.start(
                MarketStandIn.options().seed(42).clock(clock).kisKey(APP_KEY, APP_SECRET))) {
            assertThat(twin.price("035420")).contains(new BigDecimal(price));
        }
    }
}
