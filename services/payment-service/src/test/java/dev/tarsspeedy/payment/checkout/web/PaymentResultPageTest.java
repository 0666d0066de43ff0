package dev.tarsspeedy.payment.checkout.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.UserId;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.checkout.PaymentStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentResultPageTest {

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void everyStatusHasAPageInBothLanguagesWithoutPersonalData(PaymentStatus status) {
        Payment payment = payment(status, null);

        String korean = ResultPage.render(payment, true);
        String english = ResultPage.render(payment, false);

        assertThat(korean).contains("lang=\"ko\"").contains("data-status=\"" + status + "\"");
        assertThat(english).contains("lang=\"en\"").contains("data-status=\"" + status + "\"");
        for (String page : new String[] {korean, english}) {
            assertThat(page)
                    .doesNotContain("buyer@example.com")
                    .doesNotContain(payment.userId().toString())
                    .doesNotContain(payment.tid());
        }
    }

    @Test
    void onlyPendingPagesRefreshThemselves() {
        assertThat(ResultPage.render(payment(PaymentStatus.APPROVING, null), false))
                .contains("http-equiv=\"refresh\"");
        assertThat(ResultPage.render(payment(PaymentStatus.APPROVED, null), false))
                .doesNotContain("refresh");
    }

    @Test
    void anExpiredOrderSaysNothingWasCharged() {
        assertThat(ResultPage.render(payment(PaymentStatus.FAILED, "ORDER_EXPIRED"), false))
                .contains("time to pay")
                .contains("nothing was charged");
    }

    @Test
    void koreanIsChosenWhenTheBrowserPrefersIt() {
        assertThat(CallbackController.prefersKorean("ko-KR,ko;q=0.9,en;q=0.8")).isTrue();
        assertThat(CallbackController.prefersKorean("en-US,en;q=0.9,ko;q=0.5")).isFalse();
        assertThat(CallbackController.prefersKorean(null)).isFalse();
        assertThat(CallbackController.prefersKorean("!!garbage")).isFalse();
    }

    private static Payment payment(PaymentStatus status, String reason) {
        Instant now = Instant.now();
        return new Payment(
                PaymentId.random(),
                new OrderId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()),
                status,
                10_000,
                "Item",
                1,
                "T-secret-tid",
                "http://kakaopay.test/page",
                now.plusSeconds(600),
                "buyer@example.com",
                "ko",
                reason,
                now,
                now,
                null,
                null,
                null);
    }
}
