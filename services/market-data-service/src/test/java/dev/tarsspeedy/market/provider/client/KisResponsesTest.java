package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.KisToken;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KIS's answers as the live server sends them (numbers as strings, errors by msg_cd, even inside HTTP 200). */
class KisResponsesTest {

    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
    private static final Symbol SAMSUNG = Symbol.parse("005930");

    private static final String INQUIRE_PRICE = """
            {"output":{"iscd_stat_cls_code":"55","rprs_mrkt_kor_name":"KOSPI200","stck_prpr":"71500",
            "prdy_vrss":"-500","prdy_vrss_sign":"5","prdy_ctrt":"-0.69","acml_tr_pbmn":"722456871000",
            "acml_vol":"10123456","stck_oprc":"72000","stck_hgpr":"72300","stck_lwpr":"71200","stck_sdpr":"72000",
            "w52_hgpr":"88800","w52_lwpr":"49900","per":"13.21"},
            "rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다."}""";

    @Test
    void anInquirePriceOutputIsAQuote() {
        ProviderQuote quote = KisResponses.quote(SAMSUNG, KisResponses.output(200, INQUIRE_PRICE), NOW, false)
                .orElseThrow();

        assertThat(quote.price()).isEqualByComparingTo("71500");
        assertThat(quote.change()).isEqualByComparingTo("-500");
        assertThat(quote.changePercent()).isEqualByComparingTo("-0.69");
        assertThat(quote.previousClose()).isEqualByComparingTo("72000");
        assertThat(quote.open()).isEqualByComparingTo("72000");
        assertThat(quote.high()).isEqualByComparingTo("72300");
        assertThat(quote.low()).isEqualByComparingTo("71200");
        assertThat(quote.volume()).isEqualTo(10_123_456L);
        assertThat(quote.high52w()).isEqualByComparingTo("88800");
        assertThat(quote.low52w()).isEqualByComparingTo("49900");
        assertThat(quote.asOf()).isEqualTo(NOW);
    }

    @Test
    void theSignFieldDecidesTheChangesSign() {
        assertThat(KisResponses.signed(new BigDecimal("500"), "5")).isEqualByComparingTo("-500");
        assertThat(KisResponses.signed(new BigDecimal("-500"), "2")).isEqualByComparingTo("500");
        assertThat(KisResponses.signed(new BigDecimal("1.5"), "4")).isEqualByComparingTo("-1.5");
        assertThat(KisResponses.signed(new BigDecimal("0"), "3")).isEqualByComparingTo("0");
    }

    @Test
    void anUnknownCodeAnswersZerosAndIsNoQuote() {
        String zeros = """
                {"output":{"stck_prpr":"0","prdy_vrss":"0","prdy_vrss_sign":"3","prdy_ctrt":"0.00","acml_vol":"0",
                "stck_sdpr":"0"},"rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다."}""";
        assertThat(KisResponses.quote(SAMSUNG, KisResponses.output(200, zeros), NOW, false))
                .isEmpty();
    }

    @Test
    void multiPriceRowsAreMatchedByCodeAndZerosLeftOut() {
        String body = """
                {"output":[
                {"inter_shrn_iscd":"005930","inter_kor_isnm":"삼성전자","inter2_prpr":"71500","inter2_prdy_vrss":"500",
                 "prdy_vrss_sign":"2","prdy_ctrt":"0.70","acml_vol":"123","inter2_oprc":"71000","inter2_hgpr":"71600",
                 "inter2_lwpr":"70900","inter2_prdy_clpr":"71000"},
                {"inter_shrn_iscd":"000660","inter_kor_isnm":"SK하이닉스","inter2_prpr":"0","inter2_prdy_vrss":"0",
                 "prdy_vrss_sign":"3","prdy_ctrt":"0.00","acml_vol":"0"}],
                "rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다."}""";
        List<ProviderQuote> quotes = KisResponses.quotes(
                List.of(SAMSUNG, Symbol.parse("000660")), KisResponses.output(200, body), NOW, true);

        assertThat(quotes).singleElement().satisfies(quote -> {
            assertThat(quote.symbol()).isEqualTo(SAMSUNG);
            assertThat(quote.change()).isEqualByComparingTo("500");
            assertThat(quote.previousClose()).isEqualByComparingTo("71000");
            assertThat(quote.simulated()).isTrue();
        });
    }

    @Test
    void errorsAreReadFromMsgCdEvenOnHttp200() {
        assertThatThrownBy(() -> KisResponses.output(
                        500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당 거래건수를 초과하였습니다.\"}"))
                .isInstanceOf(ProviderException.RateLimited.class)
                .hasMessageContaining("EGW00201");
        assertThatThrownBy(() -> KisResponses.output(
                        500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00123\",\"msg1\":\"기간이 만료된 token 입니다.\"}"))
                .isInstanceOf(KisResponses.TokenRejected.class);
        assertThatThrownBy(() -> KisResponses.output(
                        500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00121\",\"msg1\":\"유효하지 않은 token 입니다.\"}"))
                .isInstanceOf(KisResponses.TokenRejected.class);
        assertThatThrownBy(() -> KisResponses.output(
                        500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00103\",\"msg1\":\"유효하지 않은 AppKey입니다.\"}"))
                .isInstanceOf(ProviderException.BadCredentials.class);
        assertThatThrownBy(() -> KisResponses.output(
                        200, "{\"rt_cd\":\"1\",\"msg_cd\":\"OPSQ2001\",\"msg1\":\"ERROR : INPUT_FIELD_NAME X\"}"))
                .isInstanceOf(ProviderException.Unavailable.class)
                .hasMessageContaining("OPSQ2001");
        assertThatThrownBy(() -> KisResponses.output(503, "Service Unavailable"))
                .isInstanceOf(ProviderException.Unavailable.class);
    }

    @Test
    void theTokenAnswerGivesTheTokenAndItsExpiryInSeoulTime() {
        KisToken token = KisResponses.token(200, """
                {"access_token":"eyJ0eXAiOiJKV1Qi.x.y","access_token_token_expired":"2026-03-04 11:00:00",
                "token_type":"Bearer","expires_in":86400}""", NOW);

        assertThat(token.value()).isEqualTo("eyJ0eXAiOiJKV1Qi.x.y");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-03-04T02:00:00Z"));
        assertThat(token.toString()).doesNotContain(".x.y");
    }

    @Test
    void tokenIssueErrors() {
        assertThatThrownBy(() -> KisResponses.token(
                        403,
                        "{\"error_description\":\"접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)\",\"error_code\":\"EGW00133\"}",
                        NOW))
                .isInstanceOf(ProviderException.RateLimited.class);
        assertThatThrownBy(() -> KisResponses.token(
                        403, "{\"error_description\":\"유효하지 않은 AppSecret입니다.\",\"error_code\":\"EGW00105\"}", NOW))
                .isInstanceOf(ProviderException.BadCredentials.class);
    }

    @Test
    void searchStockInfoGivesBothNames() {
        String body = """
                {"output":{"pdno":"00000A005930","prdt_type_cd":"300","mket_id_cd":"STK","prdt_name":"삼성전자보통주",
                "prdt_abrv_name":"삼성전자","prdt_eng_name":"SamsungElectronics","prdt_eng_abrv_name":"SAMSUNG ELECTRONICS"},
                "rt_cd":"0","msg_cd":"KIOK0000","msg1":"정상처리 되었습니다"}""";
        assertThat(KisResponses.listing(SAMSUNG, KisResponses.output(200, body)))
                .hasValueSatisfying(listing -> {
                    assertThat(listing.nameKo()).isEqualTo("삼성전자");
                    assertThat(listing.nameEn()).isEqualTo("SAMSUNG ELECTRONICS");
                    assertThat(listing.exchange()).isEqualTo("KOSPI");
                });
        String none = "{\"rt_cd\":\"0\",\"msg_cd\":\"KIOK0560\",\"msg1\":\"조회할 내용이 없습니다\",\"output\":{}}";
        assertThat(KisResponses.listing(SAMSUNG, KisResponses.output(200, none)))
                .isEmpty();
    }
}
