package dev.tarsspeedy.alert.interest.persistence;

import dev.tarsspeedy.contracts.alert.SymbolInterestChanged;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The interest topic, compacted: reading it from the start gives every symbol's latest state. */
@Configuration(proxyBeanMethods = false)
class InterestTopics {

    @Bean
    KafkaAdmin.NewTopics symbolInterestTopics() {
        return EventTopics.compacted(SymbolInterestChanged.TOPIC);
    }
}
