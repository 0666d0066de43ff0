package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Kakaopay's online payment API, as payments use it. Errors arrive as {@link ProviderRefusedException} (Kakaopay
 * answered no), {@link ProviderUnavailableException} (the request did not get through, or a 5xx) or {@link
 * ProviderOutcomeUnknownException} (sent, but no answer in time: it may or may not have happened).
 */
public interface PaymentProvider {

    Mono<Prepared> ready(PaymentRequest request);

    Mono<Instant> approve(Payment payment, String pgToken);

    Mono<ProviderState> state(Payment payment);

    /** Gives the whole amount back; refused by Kakaopay when it was given back already. */
    Mono<Instant> cancel(Payment payment);

    /** What ready needs. */
    record PaymentRequest(
            PaymentId paymentId,
            OrderId orderId,
            UserId userId,
            String itemName,
            int quantity,
            long amount,
            String approvalUrl,
            String cancelUrl,
            String failUrl) {}

    /** ready's answer: Kakaopay's tid and the page the buyer goes to. */
    record Prepared(String tid, String redirectUrl) {}

    /**
     * Kakaopay's view of a tid.
     *
     * @param status Kakaopay's status: {@code SUCCESS_PAYMENT}, {@code CANCEL_PAYMENT}, {@code READY}, ...
     * @param approvedAt when it was approved, {@code null} if never
     * @param canceledAt when it was last cancelled, {@code null} if never
     */
    record ProviderState(String status, Instant approvedAt, Instant canceledAt, long cancelAvailableAmount) {

        public boolean paid() {
            return status.equals("SUCCESS_PAYMENT");
        }

        public boolean fullyCancelled() {
            return status.equals("CANCEL_PAYMENT");
        }
    }
}
