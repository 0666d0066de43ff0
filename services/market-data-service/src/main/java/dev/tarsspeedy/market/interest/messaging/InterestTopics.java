package dev.tarsspeedy.market.interest.messaging;

import dev.tarsspeedy.contracts.alert.SymbolInterestChanged;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The interest topic, compacted: it is keyed by symbol and each event is a symbol's whole state, so compaction keeps
 * exactly what a consumer reading from the start needs. Its dead letters go to the usual {@code .dlt} topic.
 */
@Configuration(proxyBeanMethods = false)
class InterestTopics {

    @Bean
    KafkaAdmin.NewTopics symbolInterestTopics() {
        return EventTopics.compacted(SymbolInterestChanged.TOPIC);
    }

    @Bean
    KafkaAdmin.NewTopics symbolInterestDeadLetters() {
        return EventTopics.of(Topics.deadLetter(SymbolInterestChanged.TOPIC));
    }
}
