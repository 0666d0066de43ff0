package dev.tarsspeedy.order.order.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.order.OrderPaid;
import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of the order lifecycle, created at start-up when missing (the payment service declares the same ones;
 * whichever starts first creates them).
 */
@Configuration(proxyBeanMethods = false)
class LifecycleTopics {

    @Bean
    NewTopic orderPaidTopic() {
        return TopicBuilder.name(OrderPaid.TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic refundRequestedTopic() {
        return TopicBuilder.name(RefundRequested.TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic paymentApprovedTopic() {
        return TopicBuilder.name(PaymentApproved.TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic paymentRefundedTopic() {
        return TopicBuilder.name(PaymentRefunded.TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic emailRequestedTopic() {
        return TopicBuilder.name(EmailRequested.TOPIC).partitions(3).build();
    }
}
