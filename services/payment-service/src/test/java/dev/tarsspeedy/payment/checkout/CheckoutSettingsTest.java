package dev.tarsspeedy.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentPropertiesTest {

    private static final UUID ID = UUID.fromString("5f0c1d2e-3b4a-4f6e-8d7c-9a0b1c2d3e4f");

    @Test
    void callbackUrlsHangOffThePublicBaseUrl() {
        PaymentProperties properties = new PaymentProperties(
                URI.create("https://speedy.example/"),
                "/orders/{paymentId}/done",
                new PaymentProperties.Reconcile(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(2), 50));

        assertThat(properties.callbackUrl(ID, "approve"))
                .isEqualTo("https://speedy.example/api/payments/" + ID + "/approve");
        assertThat(properties.resultUrl(ID)).isEqualTo("/orders/" + ID + "/done");
    }

    @Test
    void theResultUrlMustNameThePayment() {
        assertThatThrownBy(() -> new PaymentProperties(URI.create("http://x"), "/result", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentProperties(null, "/{paymentId}", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyReadyApprovingAndApprovedAreLive() {
        assertThat(PaymentStatus.values())
                .filteredOn(PaymentStatus::live)
                .containsExactly(PaymentStatus.READY, PaymentStatus.APPROVING, PaymentStatus.APPROVED);
    }
}
