package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.PaymentId;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payment.*} (the reconciliation's {@code payment.reconcile.*} is its own); the README lists the environment
 * variables behind them.
 *
 * @param publicBaseUrl where browsers reach this service (the gateway): the base of the callback URLs Kakaopay sends
 *     the buyer to
 * @param resultUrl where a callback sends the browser afterwards; {@code {paymentId}} is replaced
 * @param kakaopay Kakaopay's online payment API
 * @param order the order service's internal API
 */
@ConfigurationProperties("payment")
public record CheckoutSettings(
        URI publicBaseUrl,
        @DefaultValue("/api/payments/{paymentId}/result") String resultUrl,
        @DefaultValue Kakaopay kakaopay,
        @DefaultValue OrderService order) {

    public CheckoutSettings {
        Objects.requireNonNull(publicBaseUrl, "payment.public-base-url (PAYMENT_PUBLIC_BASE_URL) is required");
        if (!resultUrl.contains("{paymentId}")) {
            throw new IllegalArgumentException("payment.result-url must contain {paymentId}: " + resultUrl);
        }
    }

    /** {@code <publicBaseUrl>/api/payments/<id>/<callback>}. */
    public String callbackUrl(PaymentId paymentId, String callback) {
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        return base + "/api/payments/" + paymentId + "/" + callback;
    }

    public String resultUrl(PaymentId paymentId) {
        return resultUrl.replace("{paymentId}", paymentId.toString());
    }

    /**
     * {@code payment.kakaopay.*}; the base URL and the connect timeout are the HTTP client group's ({@code
     * spring.http.serviceclient.kakaopay.*}). The read timeout is enforced by the client: Boot 4.0.7's reactive client
     * builder applies a group's connect timeout but not its {@code read-timeout}.
     *
     * @param secretKey the merchant's secret key ({@code Authorization: SECRET_KEY <key>}); required
     * @param cid the merchant id; {@code TC0ONETIME} is Kakaopay's test merchant
     * @param readTimeout the longest a call waits for Kakaopay's answer; then its outcome is unknown
     * @param retries how often a call that never reached Kakaopay (and every order look-up) is tried again
     * @param retryBackoff the first pause before such a retry; it doubles
     */
    public record Kakaopay(
            String secretKey,
            @DefaultValue("TC0ONETIME") String cid,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("2") int retries,
            @DefaultValue("200ms") Duration retryBackoff) {

        public Kakaopay {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("payment.kakaopay.secret-key (KAKAOPAY_SECRET_KEY) is required");
            }
            if (cid == null || cid.isBlank()) {
                throw new IllegalArgumentException("payment.kakaopay.cid (KAKAOPAY_CID) must not be blank");
            }
        }

        /** Never printed: the key stays out of logs and actuator output. */
        @Override
        public String toString() {
            return "Kakaopay[cid=" + cid + ", readTimeout=" + readTimeout + ", retries=" + retries + "]";
        }
    }

    /**
     * {@code payment.order.*}; the base URL and the connect timeout are the HTTP client group's ({@code
     * spring.http.serviceclient.order.*}).
     *
     * @param readTimeout enforced by the client: Boot 4.0.7's reactive client ignores a group's {@code read-timeout}
     */
    public record OrderService(@DefaultValue("3s") Duration readTimeout) {}
}
