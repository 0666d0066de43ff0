package dev.tarsspeedy.payment.payment.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service writes and reads, and the dead letters of the refund requests it consumes.
 */
@Configuration(proxyBeanMethods = false)
class PaymentTopics {

    @Bean
    KafkaAdmin.NewTopics paymentEventTopics() {
        return EventTopics.of(
                PaymentApproved.TOPIC,
                PaymentRefunded.TOPIC,
                RefundRequested.TOPIC,
                Topics.deadLetter(RefundRequested.TOPIC),
                EmailRequested.TOPIC);
    }
}
