package dev.tarsspeedy.order.lifecycle.messaging;

import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.lifecycle.Order;
import dev.tarsspeedy.order.lifecycle.OrderService;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The payment service's answers: approved payments (PAID, or a refund request when the order can no longer be paid)
 * and confirmed refunds. Each event is applied once (the consumer's marker in the same transaction); the order's own
 * state makes a resend of the same payment with another envelope id a no-op too.
 */
@Component
class PaymentListener {

    static final String PAYMENTS = "order-service-payments";
    static final String REFUNDS = "order-service-refunds";

    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

    private final IdempotentConsumer consumer;
    private final OrderService orders;

    PaymentListener(IdempotentConsumer consumer, OrderService orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @KafkaListener(id = PAYMENTS, topics = PaymentApproved.TOPIC, groupId = PAYMENTS)
    void approved(EventEnvelope event) {
        PaymentApproved payment = event.payloadAs(PaymentApproved.class);
        AtomicReference<Order> expired = new AtomicReference<>();
        consumer.handleAndWait(
                PAYMENTS,
                event,
                e -> orders.paymentApproved(OrderId.of(payment.orderId()), payment.paymentId(), payment.approvedAt())
                        .doOnNext(expired::set)
                        .then());
        // After the commit: the order expired by this payment gives its Redis hold back (idempotent; when this
        // fails, the reconciler releases holds of orders that are not live).
        Order order = expired.get();
        if (order != null) {
            orders.release(order).block(Duration.ofSeconds(10));
        }
    }

    @KafkaListener(id = REFUNDS, topics = PaymentRefunded.TOPIC, groupId = REFUNDS)
    void refunded(EventEnvelope event) {
        PaymentRefunded refund = event.payloadAs(PaymentRefunded.class);
        consumer.handleAndWait(
                REFUNDS,
                event,
                e -> orders.refunded(OrderId.of(refund.orderId()), refund.refundedAt())
                        .doOnNext(recorded -> {
                            if (!recorded) {
                                log.info(
                                        "refund of payment {} for order {} was recorded before or has no order",
                                        refund.paymentId(),
                                        refund.orderId());
                            }
                        })
                        .then());
    }
}
