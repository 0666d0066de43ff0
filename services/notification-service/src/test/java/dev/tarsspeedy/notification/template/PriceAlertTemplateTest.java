package dev.tarsspeedy.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.notification.delivery.RenderedEmail;
import dev.tarsspeedy.notification.support.Models;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The price alert mail: what crossed, at what price and time, the source and the link, in Korean and English. */
class PriceAlertTemplateTest {

    private static final ThymeleafEmailRenderer RENDERER = new ThymeleafEmailRenderer();

    private static RenderedEmail alert(String locale, Map<String, Object> model) {
        return RENDERER.render(new EmailRequested(
                "alert:a1:3", "price-alert", locale, "kim@example.com", model, Category.TRANSACTIONAL, null));
    }

    @Test
    void aPriceAboveTheLineInKorean() {
        RenderedEmail email = alert("ko", Models.priceAlert("PRICE_ABOVE"));

        assertThat(email.subject()).isEqualTo("[TARS] 삼성전자 72,000원 이상 도달");
        assertThat(email.html())
                .contains("<html lang=\"ko\">")
                .contains("<title>가격 알림이 울렸습니다</title>")
                .contains(">삼성전자 주가가 설정하신 기준가 72,000원 이상이 되었습니다.</p>")
                .contains(">삼성전자 (005930)</td>")
                .contains(">72,000원 이상</td>")
                .contains(">72,300원</td>")
                .contains(">2026년 12월 7일 (월) 10:02 (UTC+09:00)</td>")
                .contains(">KIS</td>")
                .contains("href=\"https://tars.example/alerts/7f1c?from=mail\"")
                .contains(">알림 보기</a>")
                .doesNotContain("수신 거부")
                .doesNotContain("<img");
        assertThat(email.images()).isEmpty();
        assertThat(email.text())
                .startsWith("삼성전자 주가가 설정하신 기준가 72,000원 이상이 되었습니다.\n")
                .contains("종목: 삼성전자 (005930)\n")
                .contains("알림 조건: 72,000원 이상\n")
                .contains("현재가: 72,300원\n")
                .contains("시각: 2026년 12월 7일 (월) 10:02 (UTC+09:00)\n")
                .contains("시세 제공: KIS\n")
                .contains("알림 보기: https://tars.example/alerts/7f1c?from=mail\n")
                .doesNotContain("수신 거부");
    }

    @Test
    void aPriceBelowTheLineInEnglish() {
        RenderedEmail email = alert("en", Models.priceAlert("PRICE_BELOW"));

        assertThat(email.subject()).isEqualTo("[TARS] 삼성전자 fell to ₩72,000 or below");
        assertThat(email.text())
                .startsWith("삼성전자 crossed your line: it trades at ₩72,000 or below.\n")
                .contains("Alert: Price at or below ₩72,000\n")
                .contains("Price: ₩72,300\n")
                .contains("As of: Mon, Dec 7, 2026, 10:02 (UTC+09:00)\n")
                .contains("Source: KIS\n")
                .contains("See the alert: https://tars.example/alerts/7f1c?from=mail\n");
        assertThat(email.html()).contains("<html lang=\"en\">").contains(">See the alert</a>");
    }

    @Test
    void everyKindSaysWhatCrossedInBothLanguages() {
        Map<String, List<String>> subjects = Map.of(
                "PRICE_ABOVE", List.of("[TARS] 삼성전자 72,000원 이상 도달", "[TARS] 삼성전자 rose to ₩72,000 or above"),
                "PRICE_BELOW", List.of("[TARS] 삼성전자 72,000원 이하 도달", "[TARS] 삼성전자 fell to ₩72,000 or below"),
                "MOVE_PERCENT",
                        List.of("[TARS] 삼성전자 전일 대비 5% 이상 변동", "[TARS] 삼성전자 moved 5% or more since the previous close"),
                "HIGH_52W", List.of("[TARS] 삼성전자 52주 신고가", "[TARS] 삼성전자 hit a new 52-week high"),
                "LOW_52W", List.of("[TARS] 삼성전자 52주 신저가", "[TARS] 삼성전자 hit a new 52-week low"));
        subjects.forEach((kind, expected) -> {
            RenderedEmail korean = alert("ko", Models.priceAlert(kind));
            RenderedEmail english = alert("en", Models.priceAlert(kind));
            assertThat(korean.subject()).as(kind).isEqualTo(expected.get(0));
            assertThat(english.subject()).as(kind).isEqualTo(expected.get(1));
            for (RenderedEmail email : List.of(korean, english)) {
                assertThat(email.subject() + email.text() + email.html())
                        .as(kind)
                        .doesNotContain("??")
                        .doesNotContain(kind)
                        .contains("72,300");
            }
        });
        assertThat(alert("ko", Models.priceAlert("MOVE_PERCENT")).text()).contains("알림 조건: 전일 대비 5% 이상 변동\n");
    }

    @Test
    void aMalformedAlertIsRefused() {
        assertThatThrownBy(() -> alert("ko", Models.with(Models.priceAlert("PRICE_ABOVE"), "kind", "PRICE_NEAR")))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("invalid model for template 'price-alert': field 'kind' must be one of HIGH_52W, LOW_52W,"
                        + " MOVE_PERCENT, PRICE_ABOVE, PRICE_BELOW, not 'PRICE_NEAR'");
        assertThatThrownBy(() -> alert("ko", Models.without(Models.priceAlert("PRICE_ABOVE"), "price")))
                .hasMessage("invalid model for template 'price-alert': field 'price' is missing");
        assertThatThrownBy(() -> alert("ko", Models.with(Models.priceAlert("PRICE_ABOVE"), "asOf", "10:02")))
                .hasMessageStartingWith(
                        "invalid model for template 'price-alert': field 'asOf' must be an ISO-8601 time with offset");
        assertThatThrownBy(() ->
                        alert("ko", Models.with(Models.priceAlert("PRICE_ABOVE"), "alertUrl", "javascript:alert(1)")))
                .hasMessage("invalid model for template 'price-alert': field 'alertUrl' must be an absolute http(s)"
                        + " URL, not 'javascript:alert(1)'");
    }
}
