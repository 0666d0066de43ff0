package dev.tarsspeedy.payment.refund.persistence;

import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The buyer's {@code payment-refunded} email, asked for through the platform's {@link EmailOutbox}. */
@Component
class RefundEmails {

    /** The notification service's template for a refund (both languages). */
    static final String REFUND_TEMPLATE = "payment-refunded";

    private final EmailOutbox emails;

    RefundEmails(EmailOutbox emails) {
        this.emails = emails;
    }

    /** Nothing when the buyer's token had no address. */
    Mono<Void> refunded(Payment payment) {
        if (payment.payerEmail() == null) {
            return Mono.empty();
        }
        return emails.requestEmail(
                REFUND_TEMPLATE,
                payment.payerEmail(),
                payment.locale(),
                Map.of(
                        "orderId",
                        payment.orderId().toString(),
                        // The template's variables take no nulls: an order without a product name shows none.
                        "item",
                        payment.itemName() == null ? "" : payment.itemName(),
                        "amount",
                        payment.amount(),
                        "reason",
                        payment.refundReason() == null ? "CANCELLED" : payment.refundReason()),
                "payment:refunded:" + payment.id());
    }
}
