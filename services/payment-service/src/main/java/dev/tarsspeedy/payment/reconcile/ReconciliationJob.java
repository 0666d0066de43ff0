package dev.tarsspeedy.payment.reconcile;

import dev.tarsspeedy.payment.checkout.CheckoutService;
import dev.tarsspeedy.payment.checkout.PaymentRepository;
import dev.tarsspeedy.payment.checkout.PaymentStatus;
import dev.tarsspeedy.payment.refund.RefundService;
import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settles payments whose Kakaopay call has no clear answer (a timeout, a 5xx, a restart between approve and the
 * event): every {@code payment.reconcile.interval}, on one instance at a time (the platform's lock
 * {@code payment-reconcile}), payments APPROVING or REFUNDING for longer than {@code payment.reconcile.stuck-after}
 * are checked against Kakaopay's order endpoint. One payment that cannot be settled does not stop the others.
 */
@Component
class ReconciliationJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final PaymentRepository payments;
    private final CheckoutService checkout;
    private final RefundService refunds;
    private final ReconcileSettings settings;
    private final Clock clock;

    ReconciliationJob(
            PaymentRepository payments,
            CheckoutService checkout,
            RefundService refunds,
            ReconcileSettings settings,
            Clock clock) {
        this.payments = payments;
        this.checkout = checkout;
        this.refunds = refunds;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "payment-reconcile";
    }

    @Override
    public Duration period() {
        return settings.interval();
    }

    /** One pass; completes with the number of payments looked at. */
    @Override
    public Mono<Long> run() {
        return Mono.defer(() -> {
            Instant before = clock.instant().minus(settings.stuckAfter());
            int limit = settings.batchSize();
            Flux<PaymentStatus> approvals = payments.findInStatusSince(PaymentStatus.APPROVING, before, limit)
                    .concatMap(payment -> checkout.reconcileApproval(payment).onErrorResume(error -> {
                        log.warn("reconciliation of payment {} failed; next run: {}", payment.id(), error.toString());
                        return Mono.empty();
                    }));
            Flux<PaymentStatus> refunding = payments.findInStatusSince(PaymentStatus.REFUNDING, before, limit)
                    .concatMap(payment -> refunds.reconcile(payment).onErrorResume(error -> {
                        log.warn("reconciliation of refund {} failed; next run: {}", payment.id(), error.toString());
                        return Mono.empty();
                    }));
            return approvals.concatWith(refunding).count();
        });
    }
}
