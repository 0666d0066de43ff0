package dev.tarsspeedy.platform.events.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import dev.tarsspeedy.platform.events.outbox.OutboxRelay;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Which beans the library adds, and that it leaves the service's own Kafka beans alone. No server is contacted. */
class EventsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    R2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class,
                    KafkaAutoConfiguration.class,
                    EventsAutoConfiguration.class))
            .withPropertyValues(
                    "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/none",
                    "spring.r2dbc.username=nobody",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1",
                    // The relay would start polling the (absent) database; its bean is checked with it enabled below.
                    "platform.events.relay.enabled=false");

    @Test
    void addsTheOutboxConsumerSupportAndAnEnvelopeReadingListenerFactory() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OutboxWriter.class);
            assertThat(context).hasSingleBean(IdempotentConsumer.class);
            assertThat(context).hasSingleBean(PlatformMigrations.class);
            assertThat(context).hasSingleBean(DefaultErrorHandler.class);
            assertThat(context).doesNotHaveBean(OutboxRelay.class);
            assertThat(context).doesNotHaveBean(EventsAutoConfiguration.RELAY_PRODUCER_FACTORY);

            ConcurrentKafkaListenerContainerFactory<?, ?> factory = context.getBean(
                    EventsAutoConfiguration.LISTENER_CONTAINER_FACTORY, ConcurrentKafkaListenerContainerFactory.class);
            DefaultKafkaConsumerFactory<?, ?> consumers =
                    (DefaultKafkaConsumerFactory<?, ?>) factory.getConsumerFactory();
            assertThat(consumers.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
            assertThat(consumers.getConfigurationProperties())
                    .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                    .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, java.util.List.of("127.0.0.1:1"));
        });
    }

    @Test
    void itsProducersAreIdempotentAndLeaveTheServicesProducerFactoryAlone() {
        runner.withPropertyValues("platform.events.relay.enabled=true", "platform.events.producer.send-timeout=20s")
                .run(context -> {
                    assertThat(context).hasSingleBean(OutboxRelay.class);
                    // Boot's own ProducerFactory and KafkaTemplate still resolve by type, unambiguously.
                    assertThat(context.getBean(ProducerFactory.class))
                            .isNotSameAs(context.getBean(EventsAutoConfiguration.RELAY_PRODUCER_FACTORY))
                            .isNotSameAs(context.getBean(EventsAutoConfiguration.DEAD_LETTER_PRODUCER_FACTORY));
                    assertThat(context).hasSingleBean(KafkaTemplate.class);
                    DefaultKafkaProducerFactory<?, ?> relay = context.getBean(
                            EventsAutoConfiguration.RELAY_PRODUCER_FACTORY, DefaultKafkaProducerFactory.class);
                    assertThat(relay.getConfigurationProperties())
                            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                            .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                            .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000)
                            .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)
                            .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000L);
                });
    }

    @Test
    void aServicesOwnErrorHandlerWins() {
        runner.withUserConfiguration(OwnErrorHandler.class).run(context -> {
            assertThat(context).hasSingleBean(CommonErrorHandler.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(CommonLoggingErrorHandler.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnErrorHandler {

        @Bean
        CommonErrorHandler ownErrorHandler() {
            return new CommonLoggingErrorHandler();
        }
    }
}
