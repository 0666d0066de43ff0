package dev.tarsspeedy.payment.payment.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Makes sure the topics this service writes and reads exist where brokers do not create topics themselves. An
 * existing topic is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class PaymentTopics {

    @Bean
    NewTopic paymentApprovedTopic() {
        return TopicBuilder.name(PaymentApproved.TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic paymentRefundedTopic() {
        return TopicBuilder.name(PaymentRefunded.TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic refundRequestedTopic() {
        return TopicBuilder.name(RefundRequested.TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic refundRequestedDeadLetterTopic() {
        return TopicBuilder.name(RefundRequested.TOPIC + ".dlt").partitions(1).build();
    }

    @Bean
    NewTopic emailRequestedTopic() {
        return TopicBuilder.name(EmailRequested.TOPIC).partitions(3).build();
    }
}
