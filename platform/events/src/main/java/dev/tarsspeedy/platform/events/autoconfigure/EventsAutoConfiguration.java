package dev.tarsspeedy.platform.events.autoconfigure;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.DeadLetters;
import dev.tarsspeedy.platform.events.consumer.EventConsumers;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.outbox.OutboxRelay;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Events for every service: the outbox writer and relay, email requests through the outbox, idempotent consumers,
 * the platform migrations and an envelope-reading listener container factory with dead-letter topics.
 *
 * <p>It runs before Boot's Kafka auto-configuration so that its {@code kafkaListenerContainerFactory} replaces
 * Boot's: a plain {@code @KafkaListener} then receives {@link EventEnvelope}s. Its own Kafka producers are not
 * default candidates, so the service's {@code KafkaTemplate} and {@code ProducerFactory} stay Boot's.
 */
@AutoConfiguration(
        after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class},
        before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public final class EventsAutoConfiguration {

    /** Bean name of the relay's producer factory. */
    public static final String RELAY_PRODUCER_FACTORY = "eventsRelayProducerFactory";
    /** Bean name of the dead-letter publisher's producer factory. */
    public static final String DEAD_LETTER_PRODUCER_FACTORY = "eventsDeadLetterProducerFactory";
    /** Bean name of the listener container factory, the one {@code @KafkaListener} uses by default. */
    public static final String LISTENER_CONTAINER_FACTORY = "kafkaListenerContainerFactory";

    @Bean
    @ConditionalOnMissingBean
    PlatformMigrations platformMigrations() {
        return new PlatformMigrations();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(DatabaseClient databaseClient, ReactiveTransactionManager transactionManager) {
        return new OutboxWriter(databaseClient, transactionManager);
    }

    /** On the service's clock where it has one, so tests that move the clock see it in the requests' envelopes. */
    @Bean
    @ConditionalOnMissingBean
    EmailOutbox emailOutbox(OutboxWriter outboxWriter, ObjectProvider<Clock> clock) {
        return new EmailOutbox(outboxWriter, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(
            DatabaseClient databaseClient, ReactiveTransactionManager transactionManager, EventsProperties properties) {
        return new IdempotentConsumer(
                databaseClient,
                TransactionalOperator.create(transactionManager),
                properties.consumer().handlerTimeout());
    }

    @Bean(name = RELAY_PRODUCER_FACTORY, defaultCandidate = false)
    @ConditionalOnBooleanProperty(name = "platform.events.relay.enabled", matchIfMissing = true)
    DefaultKafkaProducerFactory<String, String> eventsRelayProducerFactory(
            ProducerFactory<?, ?> kafkaProducerFactory, EventsProperties properties) {
        return producerFactory(kafkaProducerFactory, properties.producer(), "outbox-relay", new StringSerializer());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "platform.events.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(
            DatabaseClient databaseClient,
            ReactiveTransactionManager transactionManager,
            @Qualifier(RELAY_PRODUCER_FACTORY) ProducerFactory<String, String> producerFactory,
            ObjectProvider<MeterRegistry> meterRegistry,
            EventsProperties properties) {
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producerFactory);
        // The relay logs failures itself, rate-limited; the default listener would log every failed record.
        kafka.setProducerListener(new ProducerListener<>() {});
        EventsProperties.Relay relay = properties.relay();
        return new OutboxRelay(
                databaseClient,
                TransactionalOperator.create(transactionManager),
                kafka,
                meterRegistry.getIfUnique(() -> Metrics.globalRegistry),
                Clock.systemUTC(),
                new OutboxRelay.Settings(
                        relay.pollInterval(),
                        relay.batchSize(),
                        properties.producer().sendTimeout(),
                        relay.backlogRefreshInterval(),
                        properties.outbox().retention(),
                        properties.outbox().cleanupInterval(),
                        properties.outbox().erasePayloadOnPublish()));
    }

    @Bean(name = DEAD_LETTER_PRODUCER_FACTORY, defaultCandidate = false)
    DefaultKafkaProducerFactory<String, Object> eventsDeadLetterProducerFactory(
            ProducerFactory<?, ?> kafkaProducerFactory, EventsProperties properties) {
        return producerFactory(
                kafkaProducerFactory, properties.producer(), "dead-letters", DeadLetters.valueSerializer());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler eventsErrorHandler(
            @Qualifier(DEAD_LETTER_PRODUCER_FACTORY) ProducerFactory<String, Object> producerFactory,
            ObjectProvider<MeterRegistry> meterRegistry,
            EventsProperties properties) {
        EventsProperties.Retry retry = properties.consumer().retry();
        return DeadLetters.errorHandler(
                new KafkaTemplate<>(producerFactory),
                DeadLetters.backOff(
                        retry.initialInterval().toMillis(),
                        retry.multiplier(),
                        retry.maxInterval().toMillis(),
                        retry.maxRetries()),
                meterRegistry.getIfUnique(() -> Metrics.globalRegistry));
    }

    /**
     * Boot's factory, configured by Boot ({@code spring.kafka.listener.*}, the {@link CommonErrorHandler} bean, ...),
     * on a consumer factory that reads envelopes.
     */
    @Bean(name = LISTENER_CONTAINER_FACTORY)
    @ConditionalOnMissingBean(name = LISTENER_CONTAINER_FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<?, ?> kafkaConsumerFactory,
            ObjectProvider<ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>>
                    containerCustomizer) {
        DefaultKafkaConsumerFactory<String, EventEnvelope> consumers =
                EventConsumers.consumerFactory(kafkaConsumerFactory.getConfigurationProperties());
        // Boot's consumer factory carries the Micrometer client-metrics listener, when there is one.
        kafkaConsumerFactory
                .getListeners()
                .forEach(listener -> consumers.addListener((ConsumerFactory.Listener) listener));
        ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumers);
        containerCustomizer.ifAvailable(customizer -> factory.setContainerCustomizer((ContainerCustomizer) customizer));
        return factory;
    }

    /**
     * An idempotent producer on the service's Kafka client settings (servers, security), with this library's
     * timeouts: with the broker away, a send fails after a bounded time instead of the default two minutes.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <V> DefaultKafkaProducerFactory<String, V> producerFactory(
            ProducerFactory<?, ?> base, EventsProperties.Producer settings, String purpose, Serializer<V> values) {
        Map<String, Object> config = new HashMap<>(base.getConfigurationProperties());
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        // Kafka transactions would not make the outbox safer, only slower: the database is the transaction.
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                settings.sendTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                settings.requestTimeout().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        Object clientId = config.get(ProducerConfig.CLIENT_ID_CONFIG);
        if (clientId != null) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + purpose);
        }
        DefaultKafkaProducerFactory<String, V> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values);
        base.getListeners().forEach(listener -> factory.addListener((ProducerFactory.Listener) listener));
        return factory;
    }
}
