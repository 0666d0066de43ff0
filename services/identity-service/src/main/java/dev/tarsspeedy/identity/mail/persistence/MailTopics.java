package dev.tarsspeedy.identity.mail.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Makes sure the topic this service writes to exists where brokers do not create topics themselves. An existing
 * topic is left as it is (a topic with more partitions is never shrunk).
 */
@Configuration(proxyBeanMethods = false)
class MailTopics {

    @Bean
    NewTopic emailRequestedTopic() {
        return TopicBuilder.name(EmailRequested.TOPIC).partitions(3).build();
    }
}
