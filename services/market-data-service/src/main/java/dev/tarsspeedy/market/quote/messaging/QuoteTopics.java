package dev.tarsspeedy.market.quote.messaging;

import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.platform.events.topics.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic of quote changes. */
@Configuration(proxyBeanMethods = false)
class QuoteTopics {

    @Bean
    KafkaAdmin.NewTopics quoteUpdatedTopics() {
        return EventTopics.of(QuoteUpdated.TOPIC);
    }
}
