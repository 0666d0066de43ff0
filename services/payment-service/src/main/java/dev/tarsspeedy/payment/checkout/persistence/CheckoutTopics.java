package dev.tarsspeedy.payment.checkout.persistence;

import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic checkout writes. */
@Configuration(proxyBeanMethods = false)
class CheckoutTopics {

    @Bean
    KafkaAdmin.NewTopics checkoutEventTopics() {
        return EventTopics.of(PaymentApproved.TOPIC);
    }
}
