package dev.tarsspeedy.payment.refund.messaging;

import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.refund.RefundService;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code RefundRequested} from the order service (a paid order cancelled before shipping, returned, or paid too
 * late). The request is recorded once per event with the event's marker; the Kakaopay cancel runs after that commit,
 * so a rollback can never undo the record of a refund that happened.
 */
@Component
class RefundRequestedListener {

    static final String CONSUMER = "payment-refunds";

    private final IdempotentConsumer consumer;
    private final RefundService refunds;

    RefundRequestedListener(IdempotentConsumer consumer, RefundService refunds) {
        this.consumer = consumer;
        this.refunds = refunds;
    }

    @KafkaListener(topics = RefundRequested.TOPIC, groupId = CONSUMER)
    void on(EventEnvelope event) {
        RefundRequested request = event.payloadAs(RefundRequested.class);
        PaymentId paymentId = new PaymentId(request.paymentId());
        boolean[] needsCancel = {false};
        consumer.handleAndWait(
                CONSUMER,
                event,
                e -> refunds.request(
                                paymentId,
                                new OrderId(request.orderId()),
                                request.reason().name())
                        .doOnNext(marked -> needsCancel[0] = marked)
                        .then());
        if (needsCancel[0]) {
            refunds.perform(paymentId).block(Duration.ofSeconds(60));
        }
    }
}
