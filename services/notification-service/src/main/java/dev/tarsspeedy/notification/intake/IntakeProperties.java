package dev.tarsspeedy.notification.intake;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where requests come from.
 *
 * @param topic the topic of {@code EmailRequested} envelopes; failures go to {@code <topic>.dlt}
 * @param groupId the consumer group; every instance of the service shares it
 * @param partitions the partitions the service creates the topic (and its dead-letter topic) with when they do not
 *     exist, or grows them to; at least {@code notification.delivery.concurrency} so that every consumer thread works.
 *     {@code 0}: leave topics to the brokers or the operators
 */
@ConfigurationProperties("notification.kafka")
public record IntakeProperties(
        @DefaultValue(EmailRequested.TOPIC) String topic,
        @DefaultValue("notification-service") String groupId,
        @DefaultValue("4") int partitions) {

    public IntakeProperties {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("notification.kafka.topic must not be blank");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("notification.kafka.partitions must be >= 0");
        }
    }
}
