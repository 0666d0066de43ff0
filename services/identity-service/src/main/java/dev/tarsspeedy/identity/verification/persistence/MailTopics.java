package dev.tarsspeedy.identity.verification.persistence;

import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topic this service writes its email requests to.
 */
@Configuration(proxyBeanMethods = false)
class MailTopics {

    @Bean
    KafkaAdmin.NewTopics identityMailTopics() {
        return EventTopics.of(EmailOutbox.TOPIC);
    }
}
