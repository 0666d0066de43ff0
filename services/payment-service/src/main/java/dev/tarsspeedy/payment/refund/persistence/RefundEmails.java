package dev.tarsspeedy.payment.refund.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import java.util.LinkedHashMap;
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
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("orderId", payment.orderId().toString());
        model.put("item", payment.itemName());
        model.put("amount", payment.amount());
        model.put("reason", payment.refundReason() == null ? "CANCELLED" : payment.refundReason());
        return emails.requestEmail(new EmailRequested(
                "payment:refunded:" + payment.id(),
                REFUND_TEMPLATE,
                payment.locale(),
                payment.payerEmail(),
                model,
                EmailRequested.Category.TRANSACTIONAL,
                null));
    }
}
