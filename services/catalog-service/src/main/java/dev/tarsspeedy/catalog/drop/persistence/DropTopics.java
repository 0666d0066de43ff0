package dev.tarsspeedy.catalog.drop.persistence;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topic of drop changes.
 */
@Configuration(proxyBeanMethods = false)
class DropTopics {

    @Bean
    KafkaAdmin.NewTopics dropChangedTopics() {
        return EventTopics.of(DropChanged.TOPIC);
    }
}
