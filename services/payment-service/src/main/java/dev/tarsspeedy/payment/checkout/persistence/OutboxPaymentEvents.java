package dev.tarsspeedy.payment.payment.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.payment.payment.Payment;
import dev.tarsspeedy.payment.payment.PaymentEvents;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Events through the transactional outbox: payment events keyed by the order, emails by the address. */
@Component
class OutboxPaymentEvents implements PaymentEvents {

    /** The notification service's template for a refund (both languages). */
    static final String REFUND_TEMPLATE = "payment-refunded";

    private final OutboxWriter outbox;
    private final EmailOutbox emails;
    private final Clock clock;

    OutboxPaymentEvents(OutboxWriter outbox, EmailOutbox emails, Clock clock) {
        this.outbox = outbox;
        this.emails = emails;
        this.clock = clock;
    }

    @Override
    public Mono<Void> approved(Payment payment) {
        PaymentApproved event = new PaymentApproved(
                payment.id(), payment.orderId(), payment.userId(), payment.amount(), payment.approvedAt());
        return Mono.defer(() -> outbox.append(
                PaymentApproved.TOPIC,
                EventEnvelope.of(
                        PaymentApproved.TYPE,
                        PaymentApproved.VERSION,
                        payment.orderId().toString(),
                        event,
                        clock)));
    }

    @Override
    public Mono<Void> refunded(Payment payment) {
        PaymentRefunded event = new PaymentRefunded(
                payment.id(),
                payment.orderId(),
                payment.userId(),
                payment.amount(),
                payment.refundReason(),
                payment.refundedAt());
        Mono<Void> published = Mono.defer(() -> outbox.append(
                PaymentRefunded.TOPIC,
                EventEnvelope.of(
                        PaymentRefunded.TYPE,
                        PaymentRefunded.VERSION,
                        payment.orderId().toString(),
                        event,
                        clock)));
        if (payment.payerEmail() == null) {
            return published;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("orderId", payment.orderId().toString());
        model.put("item", payment.itemName());
        model.put("amount", payment.amount());
        model.put("reason", payment.refundReason() == null ? "CANCELLED" : payment.refundReason());
        EmailRequested email = new EmailRequested(
                "payment:refunded:" + payment.id(),
                REFUND_TEMPLATE,
                payment.locale(),
                payment.payerEmail(),
                model,
                EmailRequested.Category.TRANSACTIONAL,
                null);
        return published.then(emails.requestEmail(email));
    }
}
