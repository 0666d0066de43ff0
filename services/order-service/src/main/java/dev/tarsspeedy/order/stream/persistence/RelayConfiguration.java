package dev.tarsspeedy.order.stream.persistence;

import dev.tarsspeedy.order.stream.RelaySettings;
import dev.tarsspeedy.order.stream.ReservationMade;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/** The reservation topic and the relay's idempotent producer. */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    static final String RELAY_TEMPLATE = "reservationRelayTemplate";

    /** Created at start-up when missing (Boot's KafkaAdmin); partitions by drop id. */
    @Bean
    NewTopic reservationTopic(RelaySettings properties) {
        return TopicBuilder.name(ReservationMade.TOPIC)
                .partitions(properties.partitions())
                .build();
    }

    /**
     * On the service's Kafka client settings, with idempotence and {@code acks=all}: a retried send never duplicates
     * or reorders a record within a partition, and an acknowledged record is on every in-sync replica.
     */
    @Bean(name = RELAY_TEMPLATE, defaultCandidate = false)
    KafkaTemplate<String, String> reservationRelayTemplate(
            ProducerFactory<?, ?> kafkaProducerFactory, RelaySettings properties) {
        Map<String, Object> config = new HashMap<>(kafkaProducerFactory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        long sendTimeout = properties.sendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, sendTimeout / 2 - 10));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(500, sendTimeout / 2));
        Object clientId = config.get(ProducerConfig.CLIENT_ID_CONFIG);
        if (clientId != null) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-reservation-relay");
        }
        DefaultKafkaProducerFactory<String, String> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
        KafkaTemplate<String, String> template = new KafkaTemplate<>(factory);
        // The relay logs failures itself, rate-limited; the default listener would log every failed record.
        template.setProducerListener(new ProducerListener<>() {});
        return template;
    }
}
