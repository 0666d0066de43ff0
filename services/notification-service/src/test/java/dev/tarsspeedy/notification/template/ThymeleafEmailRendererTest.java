package dev.tarsspeedy.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import dev.tarsspeedy.notification.delivery.RenderedEmail;
import dev.tarsspeedy.notification.support.Models;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThymeleafEmailRendererTest {

    private static final ThymeleafEmailRenderer RENDERER = new ThymeleafEmailRenderer();

    private static EmailRequested request(String template, String locale, Map<String, Object> model) {
        return new EmailRequested("key-1", template, locale, "kim@example.com", model, Category.TRANSACTIONAL, null);
    }

    private static Map<String, Object> code(String name) {
        return Map.of("name", name, "code", "482913", "expiresInMinutes", 10);
    }

    private static Map<String, Object> report() {
        return Models.stockReport();
    }

    @Test
    void signUpCodeInKorean() {
        RenderedEmail email = RENDERER.render(request("signup-verification", "ko", code("김민준")));

        assertThat(email.subject()).isEqualTo("[Speedy] 회원가입 인증 코드");
        assertThat(email.text())
                .startsWith("김민준님, 안녕하세요.\n")
                .contains("Speedy 회원가입을 마치려면 아래 인증 코드를 입력해 주세요.")
                .contains("\n    482913\n")
                .contains("이 코드는 10분 후에 만료됩니다.")
                .contains("이 메일은 TARS & Speedy에서 자동으로 발송되었으며")
                .doesNotContain("수신 거부");
        assertThat(email.html())
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"ko\">")
                .contains("<title>이메일 주소를 확인해 주세요</title>")
                .contains(">김민준님, 안녕하세요.</p>")
                .contains(">482913</p>")
                .contains("이 코드는 10분 후에 만료됩니다.")
                .contains("TARS &amp; Speedy")
                .doesNotContain(" th:")
                .doesNotContain("수신 거부");
    }

    @Test
    void signUpCodeInEnglish() {
        RenderedEmail email = RENDERER.render(request("signup-verification", "en", code("Jane")));

        assertThat(email.subject()).isEqualTo("[Speedy] Your sign-up code");
        assertThat(email.text())
                .startsWith("Hello Jane,\n")
                .contains("Enter this code in Speedy to finish signing up:")
                .contains("\n    482913\n")
                .contains("The code expires in 10 minutes.");
        assertThat(email.html())
                .contains("<html lang=\"en\">")
                .contains(">Hello Jane,</p>")
                .contains("The code expires in 10 minutes.");
    }

    @Test
    void oneMinuteIsSingular() {
        RenderedEmail email = RENDERER.render(
                request("password-reset", "en", Map.of("name", "Jane", "code", "111111", "expiresInMinutes", 1)));

        assertThat(email.text()).contains("The code expires in 1 minute.");
        assertThat(email.subject()).isEqualTo("[TARS & Speedy] Your password reset code");
    }

    @Test
    void passwordResetInKorean() {
        RenderedEmail email = RENDERER.render(request("password-reset", "ko-KR", code("이서연")));

        assertThat(email.subject()).isEqualTo("[TARS & Speedy] 비밀번호 재설정 코드");
        assertThat(email.text()).contains("이서연님, 안녕하세요.").contains("비밀번호는 바뀌지 않습니다.");
        assertThat(email.html()).contains("<title>비밀번호 재설정</title>");
    }

    @Test
    void orderConfirmedFormatsTheAmountPerLanguage() {
        Map<String, Object> model =
                Map.of("name", "김민준", "orderId", "A-1042", "item", "무선 이어폰", "amount", new BigDecimal("129000"));

        RenderedEmail korean = RENDERER.render(request("order-confirmed", "ko", model));
        RenderedEmail english = RENDERER.render(request("order-confirmed", "en", model));

        assertThat(korean.subject()).isEqualTo("[Speedy] 주문이 확인되었습니다 (주문 번호 A-1042)");
        assertThat(korean.text()).contains("상품: 무선 이어폰").contains("결제 금액: 129,000원");
        assertThat(korean.html()).contains(">129,000원</td>").contains(">A-1042</td>");
        assertThat(english.subject()).isEqualTo("[Speedy] Order A-1042 is confirmed");
        assertThat(english.text()).contains("Item: 무선 이어폰").contains("Amount: KRW 129,000");
    }

    private static Map<String, Object> reminder() {
        return Map.of(
                "product",
                "무선 이어폰",
                "opensAt",
                "2026-11-21T20:00:00+09:00",
                "dropUrl",
                "https://speedy.example/drops/7f1c?x=1&y=2");
    }

    private static EmailRequested dropReminder(String locale) {
        return new EmailRequested(
                "catalog:drop-reminder:7f1c:u1",
                "drop-reminder",
                locale,
                "kim@example.com",
                reminder(),
                Category.BULK,
                "https://speedy.example/api/wishlist/reminders/tok/unsubscribe");
    }

    @Test
    void dropReminderInKorean() {
        RenderedEmail email = RENDERER.render(dropReminder("ko"));

        assertThat(email.subject()).isEqualTo("[Speedy] 무선 이어폰 드롭이 곧 시작됩니다");
        assertThat(email.text())
                .startsWith("무선 이어폰 드롭이 몇 분 뒤에 시작됩니다.")
                .contains("상품: 무선 이어폰\n")
                .contains("시작 시각: 2026-11-21T20:00:00+09:00\n")
                .contains("드롭 보기: https://speedy.example/drops/7f1c?x=1&y=2\n")
                .contains("이 메일 수신 거부: https://speedy.example/api/wishlist/reminders/tok/unsubscribe");
        assertThat(email.html())
                .contains("<html lang=\"ko\">")
                .contains("<title>위시리스트의 드롭이 곧 시작됩니다</title>")
                .contains(">무선 이어폰</td>")
                .contains(">2026-11-21T20:00:00+09:00</td>")
                .contains("href=\"https://speedy.example/drops/7f1c?x=1&amp;y=2\"")
                .contains(">드롭 보기</a>")
                .contains(">이 메일 수신 거부</a>");
    }

    @Test
    void dropReminderInEnglish() {
        RenderedEmail email = RENDERER.render(dropReminder("en"));

        assertThat(email.subject()).isEqualTo("[Speedy] 무선 이어폰 opens soon");
        assertThat(email.text())
                .startsWith("The drop of 무선 이어폰 opens in a few minutes.")
                .contains("Opens at: 2026-11-21T20:00:00+09:00\n")
                .contains("See the drop: https://speedy.example/drops/7f1c?x=1&y=2\n")
                .contains(
                        "Unsubscribe from these emails: https://speedy.example/api/wishlist/reminders/tok/unsubscribe");
        assertThat(email.html())
                .contains("<html lang=\"en\">")
                .contains("<title>A drop you wishlisted opens soon</title>")
                .contains(">See the drop</a>")
                .contains(">Unsubscribe from these emails</a>");
    }

    @Test
    void paymentRefundedSaysWhyInEitherLanguage() {
        Map<String, Object> model = Map.of(
                "orderId", "A-1042", "item", "무선 이어폰", "amount", new BigDecimal("129000"), "reason", "CANCELLED");

        RenderedEmail korean = RENDERER.render(request("payment-refunded", "ko", model));
        RenderedEmail english = RENDERER.render(request("payment-refunded", "en", model));

        assertThat(korean.subject()).isEqualTo("[Speedy] 결제가 환불되었습니다 (주문 번호 A-1042)");
        assertThat(korean.text()).contains("주문이 취소되어").contains("상품: 무선 이어폰").contains("환불 금액: 129,000원");
        assertThat(korean.html()).contains(">129,000원</td>").contains(">A-1042</td>");
        assertThat(english.subject()).isEqualTo("[Speedy] Your payment for order A-1042 was refunded");
        assertThat(english.text()).contains("Your order was cancelled").contains("Refunded: KRW 129,000");

        Map<String, Object> late = new java.util.HashMap<>(model);
        late.put("reason", "ORDER_NOT_PAYABLE");
        assertThat(RENDERER.render(request("payment-refunded", "en", late)).text())
                .contains("after the time to pay for this order had run out");
        assertThat(RENDERER.render(request("payment-refunded", "ko", late)).html())
                .contains("결제 시간이 지난 뒤에");
        late.put("reason", "RETURNED");
        assertThat(RENDERER.render(request("payment-refunded", "en", late)).html())
                .contains("received your return");
    }

    @Test
    void orderStatusChangedShowsTheStatusAsWordsInEitherLanguage() {
        Map<String, Object> model = Map.of("orderId", "A-1042", "item", "무선 이어폰", "status", "SHIPPING");

        RenderedEmail korean = RENDERER.render(request("order-status-changed", "ko", model));
        RenderedEmail english = RENDERER.render(request("order-status-changed", "en", model));

        assertThat(korean.subject()).isEqualTo("[Speedy] 주문 상태 안내: 배송 중 (주문 번호 A-1042)");
        assertThat(korean.text())
                .contains("출고되어 배송 중입니다")
                .contains("상품: 무선 이어폰")
                .contains("상태: 배송 중");
        assertThat(korean.html()).contains(">배송 중</td>").contains(">A-1042</td>");
        assertThat(english.subject()).isEqualTo("[Speedy] Order A-1042: On its way");
        assertThat(english.text()).contains("is on its way to you").contains("Status: On its way");
        assertThat(english.html()).doesNotContain("SHIPPING").doesNotContain("??");

        for (String status : List.of("PREPARING", "SHIPPING", "DELIVERED", "RETURN_REQUESTED", "RETURNED")) {
            Map<String, Object> step = Map.of("orderId", "1", "item", "I", "status", status);
            for (String locale : List.of("ko", "en")) {
                RenderedEmail email = RENDERER.render(request("order-status-changed", locale, step));
                assertThat(email.subject() + email.text() + email.html())
                        .as(status + " in " + locale)
                        .doesNotContain("??")
                        .doesNotContain(status);
            }
        }
        assertThat(RENDERER.render(request(
                                "order-status-changed",
                                "en",
                                Map.of("orderId", "1", "item", "I", "status", "DELIVERED")))
                        .subject())
                .isEqualTo("[Speedy] Order 1: Delivered");
    }

    @Test
    void reportsAndRemindersAreBulkInTheCatalogTheOthersFollowTheRequest() {
        assertThat(RENDERER.templates().stream().filter(RENDERER::isBulk))
                .containsExactlyInAnyOrder("stock-report", "drop-reminder");
        assertThat(RENDERER.isBulk("no-such-template")).isFalse();
    }

    @Test
    void aBulkTemplateRequestedAsTransactionalStillGetsItsUnsubscribeLink() {
        EmailRequested transactional = new EmailRequested(
                "report-3",
                "stock-report",
                "en",
                "jane@example.com",
                report(),
                Category.TRANSACTIONAL,
                "https://tars.example/u?t=1");

        RenderedEmail email = RENDERER.render(transactional);

        assertThat(email.text()).contains("https://tars.example/u?t=1");
        assertThat(email.html()).contains("href=\"https://tars.example/u?t=1\"");
        EmailRequested withoutUrl = new EmailRequested(
                "report-4", "stock-report", "en", "jane@example.com", report(), Category.TRANSACTIONAL, null);
        assertThatThrownBy(() -> RENDERER.render(withoutUrl))
                .isInstanceOf(RejectedRequestException.class)
                .hasMessage("template 'stock-report' is bulk mail and needs an unsubscribeUrl (RFC 8058 one-click"
                        + " unsubscribe)");
    }

    @Test
    void emptyStockReportSaysSo() {
        Map<String, Object> model = Models.with(Models.with(report(), "name", "Jane"), "rows", List.of());
        EmailRequested bulk = new EmailRequested(
                "report-2", "stock-report", "en", "jane@example.com", model, Category.BULK, "https://tars.example/u");

        RenderedEmail email = RENDERER.render(bulk);

        assertThat(email.text()).contains("Your watchlist is empty.");
        assertThat(email.html()).contains("Your watchlist is empty.").doesNotContain("<img");
        assertThat(email.images()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "signup-verification",
                "password-reset",
                "order-confirmed",
                "payment-refunded",
                "order-status-changed",
                "stock-report",
                "drop-reminder",
                "price-alert"
            })
    void everyTemplateRendersEveryMessageInBothLanguages(String template) {
        Map<String, Object> model = switch (template) {
            case "order-confirmed" -> Map.of("name", "N", "orderId", "1", "item", "I", "amount", 1);
            case "payment-refunded" -> Map.of("orderId", "1", "item", "I", "amount", 1, "reason", "RETURNED");
            case "order-status-changed" -> Map.of("orderId", "1", "item", "I", "status", "DELIVERED");
            case "stock-report" -> report();
            case "drop-reminder" -> reminder();
            case "price-alert" -> Models.priceAlert("PRICE_ABOVE");
            default -> code("N");
        };
        for (String locale : List.of("ko", "en")) {
            EmailRequested request = new EmailRequested(
                    "k", template, locale, "a@example.com", model, Category.BULK, "https://x.example/u");
            RenderedEmail email = RENDERER.render(request);
            // A missing message renders as ??key_locale??.
            assertThat(email.subject() + email.text() + email.html())
                    .as("%s in %s", template, locale)
                    .doesNotContain("??")
                    .doesNotContain("[(")
                    .doesNotContain(" th:");
            assertThat(email.subject()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void htmlEscapesModelValuesAndTextKeepsThem() {
        String name = "<script>alert('x')</script> & \"Kim\"";
        RenderedEmail email = RENDERER.render(
                request("signup-verification", "en", Map.of("name", name, "code", "<b>1</b>", "expiresInMinutes", 10)));

        assertThat(email.html())
                .doesNotContain("<script>")
                .doesNotContain("<b>1</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Kim&quot;")
                .contains("&lt;b&gt;1&lt;/b&gt;");
        assertThat(email.text()).contains("Hello " + name + ",").contains("    <b>1</b>");
    }

    @Test
    void modelValuesCannotBreakTheSubjectLine() {
        RenderedEmail email = RENDERER.render(request(
                "order-confirmed",
                "en",
                Map.of("name", "N", "orderId", "1\r\nBcc: victim@example.com", "item", "I", "amount", 1)));

        assertThat(email.subject())
                .isEqualTo("[Speedy] Order 1 Bcc: victim@example.com is confirmed")
                .doesNotContain("\r")
                .doesNotContain("\n");
    }

    @ParameterizedTest
    @CsvSource({"ko,ko", "ko-KR,ko", "ko_KR,ko", "KO,ko", "en,en", "en-US,en", "ja,en", "fr,en", "'',en", "xx-!!,en"})
    void koreanOrElseEnglish(String requested, String expected) {
        assertThat(ThymeleafEmailRenderer.language(requested)).isEqualTo(Locale.forLanguageTag(expected));
    }

    @Test
    void unknownTemplateIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> RENDERER.render(request("no-such-template", "en", Map.of())))
                .isInstanceOf(UnknownTemplateException.class)
                .isInstanceOf(RejectedRequestException.class)
                .hasMessage("unknown template 'no-such-template'; known templates: drop-reminder, order-confirmed,"
                        + " order-status-changed, password-reset, payment-refunded, price-alert, signup-verification,"
                        + " stock-report");
    }

    @Test
    void invalidModelsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> RENDERER.render(
                        request("signup-verification", "en", Map.of("name", "N", "expiresInMinutes", 10))))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("invalid model for template 'signup-verification': field 'code' is missing");
        assertThatThrownBy(() -> RENDERER.render(request(
                        "signup-verification", "en", Map.of("name", "N", "code", "1", "expiresInMinutes", "soon"))))
                .hasMessage("invalid model for template 'signup-verification': field 'expiresInMinutes' must be a"
                        + " number, not text");
        assertThatThrownBy(() -> RENDERER.render(request(
                        "stock-report",
                        "en",
                        Models.with(report(), "rows", List.of(Map.of("symbol", "A", "stockName", "A"))))))
                .hasMessage("invalid model for template 'stock-report': field 'rows[0].market' is missing");
        assertThatThrownBy(() -> RENDERER.render(request("stock-report", "en", Models.with(report(), "rows", "AAPL"))))
                .hasMessage("invalid model for template 'stock-report': field 'rows' must be a list of rows, not text");
        assertThatThrownBy(() -> RENDERER.render(request(
                        "order-confirmed", "en", Map.of("name", " ", "orderId", "1", "item", "I", "amount", 1))))
                .hasMessage("invalid model for template 'order-confirmed': field 'name' is blank");
    }

    @Test
    void numbersAreAcceptedAsTextAndExtraFieldsIgnored() {
        RenderedEmail email = RENDERER.render(request(
                "order-confirmed",
                "en",
                Map.of("name", "N", "orderId", 1042, "item", "I", "amount", 5, "coupon", "ignored")));

        assertThat(email.subject()).isEqualTo("[Speedy] Order 1042 is confirmed");
    }
}
