package dev.tarsspeedy.payment.payment;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payment.*}.
 *
 * @param publicBaseUrl where browsers reach this service (the gateway): the base of the callback URLs Kakaopay sends
 *     the buyer to
 * @param resultUrl where a callback sends the browser afterwards; {@code {paymentId}} is replaced
 * @param reconcile the reconciliation of uncertain approvals and refunds
 */
@ConfigurationProperties("payment")
public record PaymentProperties(
        URI publicBaseUrl,
        @DefaultValue("/api/payments/{paymentId}/result") String resultUrl,
        @DefaultValue Reconcile reconcile) {

    public PaymentProperties {
        Objects.requireNonNull(publicBaseUrl, "payment.public-base-url (PAYMENT_PUBLIC_BASE_URL) is required");
        if (!resultUrl.contains("{paymentId}")) {
            throw new IllegalArgumentException("payment.result-url must contain {paymentId}: " + resultUrl);
        }
    }

    /** {@code <publicBaseUrl>/api/payments/<id>/<callback>}. */
    public String callbackUrl(java.util.UUID paymentId, String callback) {
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        return base + "/api/payments/" + paymentId + "/" + callback;
    }

    public String resultUrl(java.util.UUID paymentId) {
        return resultUrl.replace("{paymentId}", paymentId.toString());
    }

    /**
     * @param interval how often the job looks for stuck payments
     * @param stuckAfter how long a payment may stay APPROVING or REFUNDING before Kakaopay is asked; longer than
     *     Kakaopay's read timeout, so a call still waiting for its answer is never judged
     * @param batchSize payments per run
     */
    public record Reconcile(
            @DefaultValue("30s") Duration interval,
            @DefaultValue("2m") Duration stuckAfter,
            @DefaultValue("50") int batchSize) {}
}
