package dev.tarsspeedy.catalog.reminder.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Makes sure the email topic exists where brokers do not create topics themselves; an existing one stays. */
@Configuration(proxyBeanMethods = false)
class MailTopics {

    @Bean
    NewTopic emailRequestedTopic() {
        return TopicBuilder.name(EmailRequested.TOPIC).partitions(3).build();
    }
}
