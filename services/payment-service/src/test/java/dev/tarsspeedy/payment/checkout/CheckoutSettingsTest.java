package dev.tarsspeedy.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.payment.PaymentId;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckoutSettingsTest {

    private static final PaymentId ID = new PaymentId(UUID.fromString("5f0c1d2e-3b4a-4f6e-8d7c-9a0b1c2d3e4f"));

    @Test
    void callbackUrlsHangOffThePublicBaseUrl() {
        CheckoutSettings settings = new CheckoutSettings(
                URI.create("https://speedy.example/"),
                "/orders/{paymentId}/done",
                kakaopay("SECRET"),
                new CheckoutSettings.OrderService(Duration.ofSeconds(3)));

        assertThat(settings.callbackUrl(ID, "approve"))
                .isEqualTo("https://speedy.example/api/payments/" + ID + "/approve");
        assertThat(settings.resultUrl(ID)).isEqualTo("/orders/" + ID + "/done");
    }

    @Test
    void theResultUrlMustNameThePayment() {
        assertThatThrownBy(() -> new CheckoutSettings(URI.create("http://x"), "/result", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckoutSettings(null, "/{paymentId}", null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void kakaopayNeedsASecretKeyThatNeverShowsInLogs() {
        assertThatThrownBy(() -> kakaopay(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(kakaopay("TOP-SECRET").toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void onlyReadyApprovingAndApprovedAreLive() {
        assertThat(PaymentStatus.values())
                .filteredOn(PaymentStatus::live)
                .containsExactly(PaymentStatus.READY, PaymentStatus.APPROVING, PaymentStatus.APPROVED);
    }

    private static CheckoutSettings.Kakaopay kakaopay(String secretKey) {
        return new CheckoutSettings.Kakaopay(
                secretKey, "TC0ONETIME", Duration.ofSeconds(10), 2, Duration.ofMillis(200));
    }
}
