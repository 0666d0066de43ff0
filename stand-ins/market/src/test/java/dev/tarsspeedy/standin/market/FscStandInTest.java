package dev.tarsspeedy.standin.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.standin.market.MarketClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The FSC contract on data.go.kr with its quirks: strings, "" items, one-row objects, XML errors, LIKE, late data. */
class FscStandInTest {

    /** Monday 2026-12-07 10:00 in Seoul: Friday's data is not out before 13:00. */
    static final Instant MONDAY_10 = Instant.parse("2026-12-07T01:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY_10);
    private MarketStandIn market;
    private MarketClient client;

    @BeforeEach
    void start() {
        market = MarketStandIn.start(MarketStandIn.options()
                .seed(42)
                .clock(clock)
                .fscKey(MarketClient.FSC_KEY)
                .fscCallsPerDay(20));
        client = new MarketClient(market);
    }

    @AfterEach
    void stop() {
        market.close();
    }

    @Test
    void aOneRowPageHasItemAsAnObjectWithNumbersAsStrings() {
        Answer answer = client.fsc(Map.of("basDt", "20261203", "likeSrtnCd", "005930", "numOfRows", "10"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode response = answer.json().get("response");
        assertThat(response.get("header").get("resultCode").asString()).isEqualTo("00");
        assertThat(response.get("header").get("resultMsg").asString()).isEqualTo("NORMAL SERVICE.");
        JsonNode body = response.get("body");
        assertThat(body.get("totalCount").asInt()).isEqualTo(1);
        JsonNode item = body.get("items").get("item");
        assertThat(item.isObject()).isTrue();
        assertThat(item.get("basDt").asString()).isEqualTo("20261203");
        assertThat(item.get("srtnCd").asString()).isEqualTo("005930");
        assertThat(item.get("isinCd").asString()).isEqualTo("KR7005930003");
        assertThat(item.get("itmsNm").asString()).isEqualTo("삼성전자");
        assertThat(item.get("mrktCtg").asString()).isEqualTo("KOSPI");
        for (String field :
                new String[] {"clpr", "vs", "fltRt", "mkp", "hipr", "lopr", "trqu", "trPrc", "lstgStCnt", "mrktTotAmt"
                }) {
            assertThat(item.get(field).isString()).as(field).isTrue();
        }
        assertThat(item.get("fltRt").asString()).doesNotStartWith("0.").doesNotStartWith("-0.");
        DailyBar bar = market.history("005930", LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3))
                .getFirst();
        assertThat(item.get("clpr").asString()).isEqualTo(bar.close().toPlainString());
    }

    @Test
    void likeSrtnCdMatchesEveryCodeContainingTheText() {
        JsonNode body = client.fsc(Map.of("basDt", "20261203", "likeSrtnCd", "00593"))
                .json()
                .get("response")
                .get("body");

        assertThat(body.get("totalCount").asInt()).isEqualTo(2);
        JsonNode items = body.get("items").get("item");
        assertThat(items.isArray()).isTrue();
        assertThat(items.valueStream().map(i -> i.get("srtnCd").asString()))
                .containsExactlyInAnyOrder("005930", "005935");
    }

    @Test
    void aDayWithoutTradingHasItemsAsAnEmptyString() {
        JsonNode body =
                client.fsc(Map.of("basDt", "20261205")).json().get("response").get("body");

        assertThat(body.get("totalCount").asInt()).isZero();
        assertThat(body.get("items").isString()).isTrue();
        assertThat(body.get("items").asString()).isEmpty();
    }

    @Test
    void dayDIsPublishedAt1300KstOfTheNextBusinessDay() {
        Map<String, String> friday = Map.of("basDt", "20261204", "likeSrtnCd", "005930");
        assertThat(client.fsc(friday)
                        .json()
                        .get("response")
                        .get("body")
                        .get("totalCount")
                        .asInt())
                .isZero();

        clock.set(Instant.parse("2026-12-07T04:00:00Z")); // 13:00 in Seoul
        JsonNode item = client.fsc(friday)
                .json()
                .get("response")
                .get("body")
                .get("items")
                .get("item");
        assertThat(item.get("basDt").asString()).isEqualTo("20261204");

        // the previous close KIS serves in Monday's session is Friday's close in this history
        assertThat(market.history("005930", LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 4))
                        .getFirst()
                        .close()
                        .toPlainString())
                .isEqualTo(item.get("clpr").asString());
    }

    @Test
    void rangesArePagedNewestFirstWithEndBasDtExclusive() {
        JsonNode body = client.fsc(Map.of(
                        "beginBasDt", "20261130",
                        "endBasDt", "20261203",
                        "likeSrtnCd", "000660",
                        "numOfRows", "2",
                        "pageNo", "1"))
                .json()
                .get("response")
                .get("body");

        assertThat(body.get("totalCount").asInt()).isEqualTo(3); // 30 Nov, 1 and 2 Dec
        assertThat(body.get("numOfRows").asInt()).isEqualTo(2);
        JsonNode items = body.get("items").get("item");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("basDt").asString()).isEqualTo("20261202");
        assertThat(items.get(1).get("basDt").asString()).isEqualTo("20261201");
    }

    @Test
    void aBadKeyComesBackAsTheXmlGatewayErrorWithHttp200() {
        Answer answer = client.get("/1160100/service/GetStockSecuritiesInfoService/getStockPriceInfo"
                + "?serviceKey=wrong&resultType=json&basDt=20261203");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<OpenAPI_ServiceResponse>");
        assertThat(answer.body()).contains("<returnReasonCode>30</returnReasonCode>");
        assertThat(answer.body()).contains("SERVICE_KEY_IS_NOT_REGISTERED_ERROR");
    }

    @Test
    void theDailyQuotaEndsWithError22UntilTheNextKstDay() {
        for (int i = 0; i < 20; i++) {
            assertThat(client.fsc(Map.of("basDt", "20261203")).body()).startsWith("{");
        }
        Answer over = client.fsc(Map.of("basDt", "20261203"));
        assertThat(over.status()).isEqualTo(200);
        assertThat(over.body()).contains("<returnReasonCode>22</returnReasonCode>");
        assertThat(over.body()).contains("LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR");

        clock.advance(Duration.ofDays(1));
        assertThat(client.fsc(Map.of("basDt", "20261203")).body()).startsWith("{");
    }

    @Test
    void theListingServiceGivesCodesWithTheAPrefix() {
        JsonNode item = client.get("/1160100/service/GetKrxListedInfoService/getItemInfo?serviceKey="
                        + MarketClient.FSC_KEY + "&resultType=json&basDt=20261203&likeSrtnCd=035720")
                .json()
                .get("response")
                .get("body")
                .get("items")
                .get("item");

        assertThat(item.get("srtnCd").asString()).isEqualTo("A035720");
        assertThat(item.get("itmsNm").asString()).isEqualTo("카카오");
        assertThat(item.get("mrktCtg").asString()).isEqualTo("KOSPI");
        assertThat(item.get("corpNm").asString()).isNotBlank();
    }

    @Test
    void aBadParameterAnswersResultCode10() {
        JsonNode header =
                client.fsc(Map.of("numOfRows", "ten")).json().get("response").get("header");
        assertThat(header.get("resultCode").asString()).isEqualTo("10");
    }

    @Test
    void zerosForFscServeZeroPrices() {
        market.controls().zeros(Provider.FSC);
        JsonNode item = client.fsc(Map.of("basDt", "20261203", "likeSrtnCd", "005930"))
                .json()
                .get("response")
                .get("body")
                .get("items")
                .get("item");
        assertThat(item.get("clpr").asString()).isEqualTo("0");
    }

    @Test
    void withoutResultTypeTheAnswerIsXml() {
        Answer answer = client.get("/1160100/service/GetStockSecuritiesInfoService/getStockPriceInfo?serviceKey="
                + MarketClient.FSC_KEY + "&basDt=20261203&likeSrtnCd=005930");

        assertThat(answer.body()).contains("<resultCode>00</resultCode>").contains("<srtnCd>005930</srtnCd>");
    }
}
