package dev.tarsspeedy.payment.checkout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Payments and refunds by outcome, in Prometheus {@code speedy_payments_total{outcome}} (started, then the status a
 * buyer's return from Kakaopay left the payment in: approved, approving (left to reconciliation), failed, cancelled)
 * and {@code speedy_refunds_total{outcome}} (refunded, refunding (left to reconciliation), and the other statuses a
 * refund attempt can meet). Registered at start: fixed label sets, zeros rather than nothing.
 */
@Component
public class PaymentMetrics {

    private final Counter started;
    private final Map<PaymentStatus, Counter> payments = new EnumMap<>(PaymentStatus.class);
    private final Map<PaymentStatus, Counter> refunds = new EnumMap<>(PaymentStatus.class);

    public PaymentMetrics(MeterRegistry registry) {
        this.started = payment(registry, "started");
        for (PaymentStatus status : PaymentStatus.values()) {
            String outcome = status.name().toLowerCase(Locale.ROOT);
            payments.put(status, payment(registry, outcome));
            refunds.put(
                    status,
                    Counter.builder("speedy.refunds")
                            .description("Refund attempts by the status they left the payment in")
                            .tag("outcome", outcome)
                            .register(registry));
        }
    }

    private static Counter payment(MeterRegistry registry, String outcome) {
        return Counter.builder("speedy.payments")
                .description("Payments started, and by the status the buyer's return left them in")
                .tag("outcome", outcome)
                .register(registry);
    }

    void started() {
        started.increment();
    }

    void payment(PaymentStatus status) {
        payments.get(status).increment();
    }

    public void refund(PaymentStatus status) {
        refunds.get(status).increment();
    }
}
