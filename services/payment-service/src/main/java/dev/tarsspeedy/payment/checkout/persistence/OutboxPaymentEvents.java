package dev.tarsspeedy.payment.checkout.persistence;

import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.checkout.PaymentEvents;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Checkout's events through the transactional outbox, keyed by the order. */
@Component
class OutboxPaymentEvents implements PaymentEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxPaymentEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> approved(Payment payment) {
        PaymentApproved event = new PaymentApproved(
                payment.id().value(),
                payment.orderId().value(),
                payment.userId().value(),
                payment.amount(),
                payment.approvedAt());
        return Mono.defer(() -> outbox.append(
                PaymentApproved.TOPIC,
                EventEnvelope.of(
                        PaymentApproved.TYPE,
                        PaymentApproved.VERSION,
                        payment.orderId().toString(),
                        event,
                        clock)));
    }
}
