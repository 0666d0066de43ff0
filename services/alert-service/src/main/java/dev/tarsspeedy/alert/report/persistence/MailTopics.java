package dev.tarsspeedy.alert.report.persistence;

import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic report mails go to. */
@Configuration(proxyBeanMethods = false)
class MailTopics {

    @Bean
    KafkaAdmin.NewTopics reportMailTopics() {
        return EventTopics.of(EmailOutbox.TOPIC);
    }
}
