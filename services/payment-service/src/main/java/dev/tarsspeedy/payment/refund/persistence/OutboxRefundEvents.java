package dev.tarsspeedy.payment.refund.persistence;

import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.refund.RefundEvents;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code PaymentRefunded} through the transactional outbox, keyed by the order, and the buyer's email. */
@Component
class OutboxRefundEvents implements RefundEvents {

    private final OutboxWriter outbox;
    private final RefundEmails emails;
    private final Clock clock;

    OutboxRefundEvents(OutboxWriter outbox, RefundEmails emails, Clock clock) {
        this.outbox = outbox;
        this.emails = emails;
        this.clock = clock;
    }

    @Override
    public Mono<Void> refunded(Payment payment) {
        PaymentRefunded event = new PaymentRefunded(
                payment.id().value(),
                payment.orderId().value(),
                payment.userId().value(),
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
        return published.then(emails.refunded(payment));
    }
}
