package dev.tarsspeedy.payment.checkout.web;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.UserId;
import dev.tarsspeedy.payment.checkout.CheckoutService;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.platform.caller.Caller;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The buyer's API: start paying an order, look at a payment. */
@RestController
class PaymentController {

    private final CheckoutService checkout;

    PaymentController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    /**
     * 200 {@code {paymentId, redirectUrl}}: send the browser to {@code redirectUrl} (Kakaopay's page). The caller's
     * address and language are kept for the refund email.
     */
    @PostMapping("/api/orders/{orderId}/payment")
    Mono<CheckoutResponse> start(Caller caller, @PathVariable UUID orderId) {
        return Mono.defer(() -> checkout.start(
                        new OrderId(orderId),
                        new UserId(caller.id()),
                        caller.email(),
                        caller.language().tag()))
                .map(started -> new CheckoutResponse(started.paymentId().value(), started.redirectUrl()))
                .onErrorMap(CheckoutProblems::translate);
    }

    @GetMapping("/api/payments/{paymentId}")
    Mono<PaymentResponse> get(Caller caller, @PathVariable UUID paymentId) {
        return Mono.defer(() -> checkout.get(new PaymentId(paymentId), new UserId(caller.id())))
                .map(PaymentResponse::of)
                .onErrorMap(CheckoutProblems::translate);
    }

    record CheckoutResponse(UUID paymentId, String redirectUrl) {}

    record PaymentResponse(
            UUID paymentId, UUID orderId, String status, long amount, Instant approvedAt, Instant refundedAt) {

        static PaymentResponse of(Payment payment) {
            return new PaymentResponse(
                    payment.id().value(),
                    payment.orderId().value(),
                    payment.status().name(),
                    payment.amount(),
                    payment.approvedAt(),
                    payment.refundedAt());
        }
    }
}
