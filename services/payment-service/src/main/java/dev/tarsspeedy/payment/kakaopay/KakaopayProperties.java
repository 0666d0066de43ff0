package dev.tarsspeedy.payment.kakaopay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payment.kakaopay.*}; the base URL and the connect timeout are the HTTP client group's ({@code
 * spring.http.serviceclient.kakaopay.*}). The read timeout is enforced here: Boot 4.0.7's reactive client builder
 * applies a group's connect timeout but not its {@code read-timeout}.
 *
 * @param secretKey the merchant's secret key ({@code Authorization: SECRET_KEY <key>}); required
 * @param cid the merchant id; {@code TC0ONETIME} is Kakaopay's test merchant
 * @param readTimeout the longest a call waits for Kakaopay's answer; then its outcome is unknown
 * @param retries how often a call that never reached Kakaopay (and every order look-up) is tried again
 * @param retryBackoff the first pause before such a retry; it doubles
 */
@ConfigurationProperties("payment.kakaopay")
public record KakaopayProperties(
        String secretKey,
        @DefaultValue("TC0ONETIME") String cid,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2") int retries,
        @DefaultValue("200ms") Duration retryBackoff) {

    public KakaopayProperties {
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
        return "KakaopayProperties[cid=" + cid + ", readTimeout=" + readTimeout + ", retries=" + retries + "]";
    }
}
