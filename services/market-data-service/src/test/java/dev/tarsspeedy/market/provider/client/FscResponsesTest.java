package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** data.go.kr's answers with every quirk, as the live service sends them. */
class FscResponsesTest {

    private static final Symbol SAMSUNG = Symbol.parse("005930");

    private static String page(String items, int total) {
        return """
                {"response":{"header":{"resultCode":"00","resultMsg":"NORMAL SERVICE."},"body":{"numOfRows":10,
                "pageNo":1,"totalCount":%d,"items":%s}}}""".formatted(total, items);
    }

    private static final String ROW_0303 = """
            {"basDt":"20260303","srtnCd":"005930","isinCd":"KR7005930003","itmsNm":"삼성전자","mrktCtg":"KOSPI",
            "clpr":"71500","vs":"-500","fltRt":"-.69","mkp":"72000","hipr":"72300","lopr":"71200","trqu":"10123456",
            "trPrc":"722456871000","lstgStCnt":"5969782550","mrktTotAmt":"426839452325000"}""";
    private static final String ROW_0302 =
            ROW_0303.replace("20260303", "20260302").replace("\"71500\"", "\"72000\"");
    /** likeSrtnCd=005930 is a LIKE: a code containing it comes along. */
    private static final String OTHER_CODE =
            ROW_0303.replace("\"005930\"", "\"0059300\"").replace("71500", "9990");

    @Test
    void itemsAsAnEmptyStringIsNoRows() {
        FscResponses.Page page = FscResponses.page(200, page("\"\"", 0));
        assertThat(page.items()).isEmpty();
        assertThat(FscResponses.latestQuote(SAMSUNG, page.items(), false)).isEmpty();
    }

    @Test
    void aOneRowPageHasItemAsAnObject() {
        FscResponses.Page page = FscResponses.page(200, page("{\"item\":" + ROW_0303 + "}", 1));
        assertThat(page.items()).hasSize(1);
        assertThat(FscResponses.bars(SAMSUNG, page.items())).singleElement().satisfies(bar -> {
            assertThat(bar.date()).isEqualTo(LocalDate.of(2026, 3, 3));
            assertThat(bar.close()).isEqualByComparingTo("71500");
            assertThat(bar.volume()).isEqualTo(10_123_456L);
        });
    }

    @Test
    void theQuoteIsTheLatestDaysCloseOfExactlyTheCodeAtTheClose() {
        FscResponses.Page page =
                FscResponses.page(200, page("{\"item\":[" + ROW_0302 + "," + OTHER_CODE + "," + ROW_0303 + "]}", 3));

        ProviderQuote quote =
                FscResponses.latestQuote(SAMSUNG, page.items(), false).orElseThrow();

        assertThat(quote.price()).isEqualByComparingTo("71500");
        assertThat(quote.changePercent()).isEqualByComparingTo("-0.69");
        assertThat(quote.previousClose()).isEqualByComparingTo("72000");
        assertThat(quote.asOf()).isEqualTo(Instant.parse("2026-03-03T06:30:00Z"));
        assertThat(quote.endOfDay()).isTrue();
        assertThat(FscResponses.bars(SAMSUNG, page.items()))
                .extracting(DailyBar::date)
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
    }

    @Test
    void aPriceOfZeroIsNoQuote() {
        String zero = ROW_0303.replace("\"71500\"", "\"0\"");
        assertThat(FscResponses.latestQuote(
                        SAMSUNG,
                        FscResponses.page(200, page("{\"item\":" + zero + "}", 1))
                                .items(),
                        false))
                .isEmpty();
    }

    @Test
    void anXmlErrorInHttp200IsReadEvenToAJsonRequest() {
        String badKey = """
                <OpenAPI_ServiceResponse>
                	<cmmMsgHeader>
                		<errMsg>SERVICE ERROR</errMsg>
                		<returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg>
                		<returnReasonCode>30</returnReasonCode>
                	</cmmMsgHeader>
                </OpenAPI_ServiceResponse>""";
        assertThatThrownBy(() -> FscResponses.page(200, badKey))
                .isInstanceOf(ProviderException.BadCredentials.class)
                .hasMessageContaining("SERVICE_KEY_IS_NOT_REGISTERED_ERROR");
        String quota = badKey.replace(
                        "SERVICE_KEY_IS_NOT_REGISTERED_ERROR", "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR")
                .replace(">30<", ">22<");
        assertThatThrownBy(() -> FscResponses.page(200, quota)).isInstanceOf(ProviderException.RateLimited.class);
    }

    @Test
    void aJsonErrorHeaderIsReadToo() {
        String quota =
                "{\"response\":{\"header\":{\"resultCode\":\"22\",\"resultMsg\":\"LIMITED NUMBER OF SERVICE REQUESTS EXCEEDS ERROR.\"}}}";
        assertThatThrownBy(() -> FscResponses.page(200, quota)).isInstanceOf(ProviderException.RateLimited.class);
        String app = "{\"response\":{\"header\":{\"resultCode\":\"01\",\"resultMsg\":\"APPLICATION ERROR\"}}}";
        assertThatThrownBy(() -> FscResponses.page(200, app)).isInstanceOf(ProviderException.Unavailable.class);
        assertThatThrownBy(() -> FscResponses.page(502, "Bad Gateway"))
                .isInstanceOf(ProviderException.Unavailable.class);
    }

    @Test
    void listingsKeepKospiAndKosdaqStocks() {
        String rows = "{\"item\":[" + ROW_0303 + ","
                + ROW_0303.replace("005930", "A035720").replace("삼성전자", "카카오") + ","
                + ROW_0303.replace("005930", "217320").replace("\"KOSPI\"", "\"KONEX\"") + "]}";
        assertThat(FscResponses.page(200, page(rows, 3)).items().stream()
                        .map(FscResponses::listing)
                        .flatMap(java.util.Optional::stream)
                        .toList())
                .extracting(listing -> listing.symbol().code(), listing -> listing.nameKo())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("005930", "삼성전자"),
                        org.assertj.core.groups.Tuple.tuple("035720", "카카오"));
    }

    @Test
    void theServiceKeyIsPercentEncodedOnce() {
        ProviderHttp http = new ProviderHttp(
                dev.tarsspeedy.market.provider.ProviderName.FSC,
                org.springframework.web.reactive.function.client.WebClient.builder(),
                java.net.URI.create("https://apis.data.go.kr/"),
                java.time.Duration.ofSeconds(1));
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("serviceKey", "ab+c/d==");
        query.put("itmsNm", "삼성 전자");
        assertThat(http.uri(FscQuoteProvider.PRICES, query).toString())
                .isEqualTo("https://apis.data.go.kr" + FscQuoteProvider.PRICES
                        + "?serviceKey=ab%2Bc%2Fd%3D%3D&itmsNm=%EC%82%BC%EC%84%B1%20%EC%A0%84%EC%9E%90");
    }
}
