package dev.tarsspeedy.order.lifecycle.persistence;

import dev.tarsspeedy.contracts.order.OrderPaid;
import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics of the order lifecycle (the payment service declares those it shares; whichever starts first creates
 * them).
 */
@Configuration(proxyBeanMethods = false)
class LifecycleTopics {

    @Bean
    KafkaAdmin.NewTopics orderLifecycleTopics() {
        return EventTopics.of(
                OrderPaid.TOPIC,
                RefundRequested.TOPIC,
                PaymentApproved.TOPIC,
                PaymentRefunded.TOPIC,
                EmailOutbox.TOPIC);
    }
}
