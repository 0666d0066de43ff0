package dev.tarsspeedy.catalog.drop.persistence;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Makes sure the topic of drop changes exists where brokers do not create topics themselves. An existing topic is
 * left as it is.
 */
@Configuration(proxyBeanMethods = false)
class DropTopics {

    @Bean
    NewTopic dropChangedTopic() {
        return TopicBuilder.name(DropChanged.TOPIC).partitions(3).build();
    }
}
