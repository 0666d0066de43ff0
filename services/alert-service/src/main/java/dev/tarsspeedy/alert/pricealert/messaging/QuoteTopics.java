package dev.tarsspeedy.alert.pricealert.messaging;

import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The quote topic the alerts read and its dead letters. */
@Configuration(proxyBeanMethods = false)
class QuoteTopics {

    @Bean
    KafkaAdmin.NewTopics quoteUpdatedTopics() {
        return EventTopics.of(QuoteUpdated.TOPIC, Topics.deadLetter(QuoteUpdated.TOPIC));
    }
}
