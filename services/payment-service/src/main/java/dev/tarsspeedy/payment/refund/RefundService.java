package dev.tarsspeedy.payment.refund;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.checkout.PaymentMetrics;
import dev.tarsspeedy.payment.checkout.PaymentProvider;
import dev.tarsspeedy.payment.checkout.PaymentRepository;
import dev.tarsspeedy.payment.checkout.PaymentStatus;
import dev.tarsspeedy.payment.checkout.ProviderRefusedException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refunds: one per payment, however often it is asked for. A request moves an APPROVED payment to REFUNDING (once,
 * conditionally); then Kakaopay's cancel gives the whole amount back (its {@code cancel_available_amount} guard makes
 * Kakaopay refuse a second cancel rather than pay out twice), and REFUNDED, {@code PaymentRefunded} and the buyer's
 * email are written in one transaction. A cancel without a clear answer stays REFUNDING until the reconciliation
 * asks Kakaopay's order endpoint.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentRepository payments;
    private final PaymentMetrics metrics;
    private final PaymentProvider provider;
    private final RefundEvents events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public RefundService(
            PaymentRepository payments,
            PaymentProvider provider,
            RefundEvents events,
            TransactionalOperator transaction,
            Clock clock,
            PaymentMetrics metrics) {
        this.metrics = metrics;
        this.payments = payments;
        this.provider = provider;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Records the request (in the caller's transaction): {@code true} when the payment now needs its Kakaopay cancel,
     * {@code false} when it was refunded or being refunded already, or is not a payment that took money.
     */
    public Mono<Boolean> request(PaymentId paymentId, OrderId orderId, String reason) {
        return payments.findById(paymentId)
                .flatMap(payment -> {
                    if (!payment.orderId().equals(orderId)) {
                        log.warn(
                                "refund request for payment {} names order {}, not its order {}; ignored",
                                paymentId,
                                orderId,
                                payment.orderId());
                        return Mono.just(false);
                    }
                    if (payment.status() != PaymentStatus.APPROVED) {
                        log.info("refund request for payment {} in {}: nothing to do", paymentId, payment.status());
                        return Mono.just(false);
                    }
                    return payments.markRefunding(paymentId, reason, clock.instant());
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.warn("refund request for unknown payment {}; ignored", paymentId);
                    return false;
                }));
    }

    /** Gives a REFUNDING payment's money back through Kakaopay; anything unclear stays for the reconciliation. */
    public Mono<PaymentStatus> perform(PaymentId paymentId) {
        return payments.findById(paymentId).flatMap(payment -> {
            if (payment.status() != PaymentStatus.REFUNDING) {
                return Mono.just(payment.status());
            }
            return provider.cancel(payment)
                    .flatMap(canceledAt -> settleRefunded(payment, canceledAt))
                    .onErrorResume(error -> {
                        if (error instanceof ProviderRefusedException refused) {
                            // Refused: perhaps because it was cancelled already (a lost answer). Kakaopay knows.
                            log.warn("Kakaopay refused to cancel payment {}: {}", paymentId, refused.getMessage());
                            return reconcile(payment).onErrorResume(again -> {
                                log.warn("payment {} left to reconciliation: {}", paymentId, again.toString());
                                return Mono.just(PaymentStatus.REFUNDING);
                            });
                        }
                        log.warn(
                                "cancel of payment {} has no clear answer; left to reconciliation: {}",
                                paymentId,
                                error.toString());
                        return Mono.just(PaymentStatus.REFUNDING);
                    })
                    .doOnNext(metrics::refund);
        });
    }

    /**
     * Settles a payment stuck in REFUNDING with Kakaopay's view: cancelled means REFUNDED (with its event, once);
     * still paid means the cancel never happened and is made now; anything else is logged and left for a human.
     */
    public Mono<PaymentStatus> reconcile(Payment payment) {
        return provider.state(payment).flatMap(state -> {
            if (state.fullyCancelled()) {
                Instant at = state.canceledAt() != null ? state.canceledAt() : clock.instant();
                return settleRefunded(payment, at);
            }
            if (state.paid() && state.cancelAvailableAmount() == payment.amount()) {
                return provider.cancel(payment)
                        .flatMap(at -> settleRefunded(payment, at))
                        .onErrorResume(error -> {
                            log.warn("cancel of payment {} failed again: {}", payment.id(), error.toString());
                            return Mono.just(PaymentStatus.REFUNDING);
                        });
            }
            log.error(
                    "payment {} is REFUNDING but Kakaopay says {} with {} left to cancel; needs a look",
                    payment.id(),
                    state.status(),
                    state.cancelAvailableAmount());
            return Mono.just(PaymentStatus.REFUNDING);
        });
    }

    private Mono<PaymentStatus> settleRefunded(Payment payment, Instant refundedAt) {
        return transaction
                .transactional(payments.markRefunded(payment.id(), refundedAt, clock.instant())
                        .flatMap(won -> won ? events.refunded(payment.refunded(refundedAt)) : Mono.empty()))
                .thenReturn(PaymentStatus.REFUNDED);
    }
}
