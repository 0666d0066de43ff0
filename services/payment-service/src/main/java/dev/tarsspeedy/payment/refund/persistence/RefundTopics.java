package dev.tarsspeedy.payment.refund.persistence;

import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics refunds write and read, and the dead letters of the refund requests they consume. */
@Configuration(proxyBeanMethods = false)
class RefundTopics {

    @Bean
    KafkaAdmin.NewTopics refundEventTopics() {
        return EventTopics.of(
                PaymentRefunded.TOPIC,
                RefundRequested.TOPIC,
                Topics.deadLetter(RefundRequested.TOPIC),
                EmailOutbox.TOPIC);
    }
}
