package dev.tarsspeedy.notification.delivery.messaging;

import dev.tarsspeedy.notification.delivery.DeliverySettings;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import dev.tarsspeedy.platform.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The topics, and this service's additions to the platform's error handler (retry timing comes from
 * {@code platform.events.consumer.retry.*}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /**
     * The request topic and its dead-letter topic, created (or grown) at start with enough partitions for every
     * consumer thread; replication is the brokers' default.
     */
    @Bean
    KafkaAdmin.NewTopics notificationTopics(DeliverySettings properties) {
        if (properties.partitions() == 0) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(properties.topic())
                        .partitions(properties.partitions())
                        .build(),
                TopicBuilder.name(Topics.deadLetter(properties.topic()))
                        .partitions(properties.partitions())
                        .build());
    }

    @Bean
    ErrorHandlerSetup errorHandlerSetup(DefaultErrorHandler errorHandler, DeadLetterRecorder recorder) {
        return new ErrorHandlerSetup(errorHandler, recorder);
    }

    /** Applied once, before any listener container starts (containers start after every singleton exists). */
    static final class ErrorHandlerSetup {

        ErrorHandlerSetup(DefaultErrorHandler errorHandler, DeadLetterRecorder recorder) {
            // A request that can never be sent goes to the dead-letter topic at once, without the back-off.
            errorHandler.addNotRetryableExceptions(RejectedRequestException.class);
            errorHandler.setRetryListeners(recorder);
            // One retry budget per request, whatever the failures in between (server away, then a lease still held):
            // otherwise a change of exception would start the back-off over, and a request could be retried forever.
            errorHandler.setResetStateOnExceptionChange(false);
        }
    }
}
