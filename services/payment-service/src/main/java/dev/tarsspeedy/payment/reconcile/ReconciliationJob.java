package dev.tarsspeedy.payment.reconcile;

import dev.tarsspeedy.payment.payment.PaymentProperties;
import dev.tarsspeedy.payment.payment.PaymentRepository;
import dev.tarsspeedy.payment.payment.PaymentService;
import dev.tarsspeedy.payment.payment.PaymentStatus;
import dev.tarsspeedy.payment.refund.RefundService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settles payments whose Kakaopay call has no clear answer (a timeout, a 5xx, a restart between approve and the
 * event): every {@code payment.reconcile.interval}, on one instance at a time, payments APPROVING or REFUNDING for
 * longer than {@code payment.reconcile.stuck-after} are checked against Kakaopay's order endpoint.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final PaymentRepository payments;
    private final PaymentService paymentService;
    private final RefundService refunds;
    private final PaymentProperties properties;
    private final Clock clock;

    public Reconciliation(
            PaymentRepository payments,
            PaymentService paymentService,
            RefundService refunds,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.paymentService = paymentService;
        this.refunds = refunds;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${payment.reconcile.interval:30s}",
            initialDelayString = "${payment.reconcile.interval:30s}")
    @SchedulerLock(name = "payment-reconcile", lockAtMostFor = "PT5M")
    void scheduled() {
        runOnce().block(Duration.ofMinutes(4));
    }

    /** One pass; completes with the number of payments looked at. */
    public Mono<Long> runOnce() {
        Instant before = clock.instant().minus(properties.reconcile().stuckAfter());
        int limit = properties.reconcile().batchSize();
        Flux<PaymentStatus> approvals = payments.findInStatusSince(PaymentStatus.APPROVING, before, limit)
                .concatMap(payment -> paymentService.reconcileApproval(payment).onErrorResume(error -> {
                    log.warn("reconciliation of payment {} failed; next run: {}", payment.id(), error.toString());
                    return Mono.empty();
                }));
        Flux<PaymentStatus> refunding = payments.findInStatusSince(PaymentStatus.REFUNDING, before, limit)
                .concatMap(payment -> refunds.reconcile(payment).onErrorResume(error -> {
                    log.warn("reconciliation of refund {} failed; next run: {}", payment.id(), error.toString());
                    return Mono.empty();
                }));
        return approvals.concatWith(refunding).count();
    }
}
