package dev.tarsspeedy.catalog.reminder.persistence;

import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topic this service writes its reminder emails to.
 */
@Configuration(proxyBeanMethods = false)
class MailTopics {

    @Bean
    KafkaAdmin.NewTopics reminderMailTopics() {
        return EventTopics.of(EmailOutbox.TOPIC);
    }
}
