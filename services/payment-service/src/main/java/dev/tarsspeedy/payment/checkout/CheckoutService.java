package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.UserId;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The payment flow: start (Kakaopay ready), the buyer's return (approve, cancel, fail) and the settling of approvals
 * whose answer was lost.
 *
 * <p>Approve is never retried blindly: the payment becomes APPROVING (conditionally, so one callback wins) before
 * approve is called, and when its answer is lost (timeout, 5xx, a restart) it stays APPROVING until the
 * reconciliation asks Kakaopay's order endpoint what happened. APPROVED and its {@code PaymentApproved} event are
 * written in one transaction by whoever moves the payment out of APPROVING, which happens once.
 */
@Service
public class CheckoutService {

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    private final PaymentRepository payments;
    private final Orders orders;
    private final PaymentProvider provider;
    private final PaymentEvents events;
    private final TransactionalOperator transaction;
    private final CheckoutSettings settings;
    private final Clock clock;
    private final PaymentMetrics metrics;

    public CheckoutService(
            PaymentRepository payments,
            Orders orders,
            PaymentProvider provider,
            PaymentEvents events,
            TransactionalOperator transaction,
            CheckoutSettings settings,
            Clock clock,
            PaymentMetrics metrics) {
        this.payments = payments;
        this.orders = orders;
        this.provider = provider;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Starts paying the order, or returns the payment already waiting for the buyer.
     *
     * @param payerEmail for refund emails; may be {@code null}
     */
    public Mono<Checkout> start(OrderId orderId, UserId userId, String payerEmail, String locale) {
        return orders.find(orderId)
                .filter(order -> order.userId().equals(userId))
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)))
                .flatMap(order -> {
                    if (!Order.PAYABLE.equals(order.status())) {
                        return Mono.error(new OrderNotPayableException(orderId, order.status()));
                    }
                    if (order.expiresAt() == null || !clock.instant().isBefore(order.expiresAt())) {
                        return Mono.error(new OrderNotPayableException(orderId, "EXPIRED"));
                    }
                    return payments.findLiveByOrder(orderId)
                            .flatMap(this::reuse)
                            .switchIfEmpty(Mono.defer(() -> create(order, payerEmail, locale)));
                });
    }

    private Mono<Checkout> reuse(Payment live) {
        if (live.status() == PaymentStatus.READY) {
            return Mono.just(new Checkout(live.id(), live.redirectUrl()));
        }
        return Mono.error(new OrderAlreadyPaidException(live.orderId(), live.id()));
    }

    private Mono<Checkout> create(Order order, String payerEmail, String locale) {
        PaymentId paymentId = PaymentId.random();
        PaymentProvider.PaymentRequest request = new PaymentProvider.PaymentRequest(
                paymentId,
                order.orderId(),
                order.userId(),
                order.productName(),
                order.quantity(),
                order.amount(),
                settings.callbackUrl(paymentId, "approve"),
                settings.callbackUrl(paymentId, "cancel"),
                settings.callbackUrl(paymentId, "fail"));
        return provider.ready(request).flatMap(prepared -> {
            Instant now = clock.instant();
            Payment payment = new Payment(
                    paymentId,
                    order.orderId(),
                    order.userId(),
                    PaymentStatus.READY,
                    order.amount(),
                    order.productName(),
                    order.quantity(),
                    prepared.tid(),
                    prepared.redirectUrl(),
                    order.expiresAt(),
                    payerEmail,
                    locale,
                    null,
                    now,
                    now,
                    null,
                    null,
                    null);
            // Two starts at once: both asked Kakaopay, one row wins; the other tid is never approved and expires.
            return payments.insertIfNoLivePayment(payment)
                    .doOnNext(inserted -> {
                        if (inserted) {
                            metrics.started();
                        }
                    })
                    .flatMap(inserted -> inserted
                            ? Mono.just(new Checkout(paymentId, prepared.redirectUrl()))
                            : payments.findLiveByOrder(order.orderId())
                                    .flatMap(this::reuse)
                                    .switchIfEmpty(Mono.error(
                                            () -> new IllegalStateException("live payment vanished; try again"))));
        });
    }

    /** The owner's payment. */
    public Mono<Payment> get(PaymentId paymentId, UserId userId) {
        return payments.findById(paymentId)
                .filter(payment -> payment.userId().equals(userId))
                .switchIfEmpty(Mono.error(() -> new PaymentNotFoundException(paymentId)));
    }

    /** Any payment, for the result page (which shows no personal data). */
    public Mono<Payment> get(PaymentId paymentId) {
        return payments.findById(paymentId).switchIfEmpty(Mono.error(() -> new PaymentNotFoundException(paymentId)));
    }

    /**
     * The buyer approved on Kakaopay's page and came back with a pg_token: approve, once. A second callback (or one
     * for a payment no longer READY) changes nothing and answers the current state.
     */
    public Mono<Payment> approve(PaymentId paymentId, String pgToken) {
        return get(paymentId).flatMap(payment -> {
            if (payment.status() != PaymentStatus.READY) {
                return Mono.just(payment);
            }
            Instant now = clock.instant();
            if (!now.isBefore(payment.orderExpiresAt())) {
                // Too late: the order is (being) expired and its stock released; taking the money now would sell
                // the stock twice. Kakaopay's tid is simply never approved.
                return payments.markFailed(paymentId, PaymentStatus.READY, "ORDER_EXPIRED", now)
                        .doOnNext(won -> {
                            if (Boolean.TRUE.equals(won)) {
                                metrics.payment(PaymentStatus.FAILED);
                            }
                        })
                        .then(get(paymentId));
            }
            return payments.transition(paymentId, PaymentStatus.READY, PaymentStatus.APPROVING, now)
                    .flatMap(won -> won
                            ? callApprove(payment, pgToken)
                                    .then(get(paymentId))
                                    .doOnNext(after -> metrics.payment(after.status()))
                                    .then()
                            : Mono.empty())
                    .then(get(paymentId));
        });
    }

    private Mono<Void> callApprove(Payment payment, String pgToken) {
        return provider.approve(payment, pgToken)
                .flatMap(approvedAt -> settleApproved(payment, approvedAt))
                .onErrorResume(ProviderRefusedException.class, refused -> refusedApproval(payment, refused))
                .onErrorResume(error -> !(error instanceof ProviderRefusedException), error -> {
                    // Timeout, 5xx, connection lost after sending: Kakaopay may have taken the money.
                    // The payment stays APPROVING; the reconciliation asks Kakaopay and settles it.
                    log.warn(
                            "approve of payment {} (tid {}) has no clear answer; left to reconciliation: {}",
                            payment.id(),
                            payment.tid(),
                            error.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> refusedApproval(Payment payment, ProviderRefusedException refused) {
        Instant now = clock.instant();
        return switch (refused.code()) {
            case ProviderRefusedException.NOT_AUTHENTICATED ->
                // The buyer has not finished on Kakaopay's page: nothing happened, the payment can still be approved.
                payments.transition(payment.id(), PaymentStatus.APPROVING, PaymentStatus.READY, now)
                        .then();
            case ProviderRefusedException.ALREADY_APPROVED -> {
                // Approved by an earlier call whose answer was lost: the reconciliation settles it with the real time.
                log.warn("payment {} was approved at Kakaopay already; left to reconciliation", payment.id());
                yield Mono.empty();
            }
            default -> {
                log.info("Kakaopay refused to approve payment {}: {}", payment.id(), refused.getMessage());
                String reason = "KAKAOPAY_" + refused.code()
                        + (refused.methodResultCode() == null ? "" : "_" + refused.methodResultCode());
                yield payments.markFailed(
                                payment.id(),
                                PaymentStatus.APPROVING,
                                reason.length() > 64 ? reason.substring(0, 64) : reason,
                                now)
                        .then();
            }
        };
    }

    /** APPROVING to APPROVED with its event, in one transaction; nothing when someone else settled it first. */
    Mono<Void> settleApproved(Payment payment, Instant approvedAt) {
        return transaction.transactional(payments.markApproved(payment.id(), approvedAt, clock.instant())
                .flatMap(won -> won ? events.approved(payment.approved(approvedAt)) : Mono.empty()));
    }

    /** The buyer pressed Cancel on Kakaopay's page. */
    public Mono<Payment> cancel(PaymentId paymentId) {
        return get(paymentId)
                .flatMap(payment ->
                        payments.transition(paymentId, PaymentStatus.READY, PaymentStatus.CANCELLED, clock.instant()))
                .doOnNext(won -> {
                    if (Boolean.TRUE.equals(won)) {
                        metrics.payment(PaymentStatus.CANCELLED);
                    }
                })
                .then(get(paymentId));
    }

    /** Kakaopay sent the buyer to the fail URL (the payment failed or timed out on its side). */
    public Mono<Payment> fail(PaymentId paymentId) {
        return get(paymentId)
                .flatMap(payment -> payments.markFailed(paymentId, PaymentStatus.READY, "FAIL_URL", clock.instant()))
                .doOnNext(won -> {
                    if (Boolean.TRUE.equals(won)) {
                        metrics.payment(PaymentStatus.FAILED);
                    }
                })
                .then(get(paymentId));
    }

    /**
     * Settles a payment stuck in APPROVING with Kakaopay's view: paid means APPROVED (and its event, once); anything
     * else means the approval never happened: FAILED. When Kakaopay cannot be asked, it stays for the next run.
     */
    public Mono<PaymentStatus> reconcileApproval(Payment payment) {
        return provider.state(payment).flatMap(state -> {
            if (state.paid() || state.approvedAt() != null) {
                Instant approvedAt = state.approvedAt() != null ? state.approvedAt() : clock.instant();
                log.info("reconciliation: payment {} was approved at Kakaopay at {}", payment.id(), approvedAt);
                return settleApproved(payment, approvedAt).thenReturn(PaymentStatus.APPROVED);
            }
            log.info(
                    "reconciliation: payment {} was not approved at Kakaopay ({}); failed",
                    payment.id(),
                    state.status());
            return payments.markFailed(
                            payment.id(), PaymentStatus.APPROVING, "NOT_APPROVED_AT_KAKAOPAY", clock.instant())
                    .thenReturn(PaymentStatus.FAILED);
        });
    }
}
