package dev.tarsspeedy.platform.events.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the events library, under {@code platform.events}; every key and default is listed in
 * docs/events.md.
 */
@ConfigurationProperties("platform.events")
public record EventsProperties(
        @DefaultValue Relay relay,
        @DefaultValue Outbox outbox,
        @DefaultValue Producer producer,
        @DefaultValue Consumer consumer) {

    /**
     * The outbox relay.
     *
     * @param enabled whether this instance publishes the outbox (several instances may; they never share a row)
     * @param pollInterval pause between polls when the outbox is drained or publishing fails
     * @param batchSize rows published per database transaction
     * @param backlogRefreshInterval how often the pending-rows gauges are recounted
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("5s") Duration backlogRefreshInterval) {}

    /**
     * The outbox table.
     *
     * @param retention published rows older than this are deleted by the relay; {@code 0} keeps them
     * @param cleanupInterval how often the relay deletes them
     * @param erasePayloadOnPublish replace a row's payload by {@code {}} when the relay marks it published (in the
     *     same statement): for events that carry secrets, which must not stay in the table for the retention
     */
    public record Outbox(
            @DefaultValue("7d") Duration retention,
            @DefaultValue("1h") Duration cleanupInterval,
            @DefaultValue("false") boolean erasePayloadOnPublish) {}

    /**
     * The relay's and the dead-letter publisher's Kafka producers (idempotent, {@code acks=all}).
     *
     * @param sendTimeout {@code delivery.timeout.ms}: a send not acknowledged by then fails (and is retried later)
     * @param requestTimeout {@code request.timeout.ms}: one request to the broker
     * @param maxBlock {@code max.block.ms}: how long {@code send} may wait for metadata when the broker is away
     */
    public record Producer(
            @DefaultValue("15s") Duration sendTimeout,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("5s") Duration maxBlock) {

        public Producer {
            if (sendTimeout.compareTo(requestTimeout) <= 0) {
                // Kafka refuses a delivery timeout below linger.ms + request.timeout.ms.
                throw new IllegalArgumentException("platform.events.producer.send-timeout (" + sendTimeout
                        + ") must be longer than request-timeout (" + requestTimeout + ")");
            }
        }
    }

    /**
     * Event listeners.
     *
     * @param retry what happens when a listener fails
     * @param handlerTimeout how long {@code IdempotentConsumer.handleAndWait} waits for the handler
     */
    public record Consumer(
            @DefaultValue Retry retry, @DefaultValue("30s") Duration handlerTimeout) {}

    /**
     * Retries of a failing listener before the record goes to {@code <topic>.dlt}. Unreadable records are never
     * retried. The whole back-off must stay well below {@code max.poll.interval.ms} (5 minutes by default).
     *
     * @param maxRetries retries after the first attempt
     * @param initialInterval pause before the first retry
     * @param multiplier growth of the pause from one retry to the next
     * @param maxInterval longest pause
     */
    public record Retry(
            @DefaultValue("4") int maxRetries,
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval) {

        public Retry {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("platform.events.consumer.retry.max-retries must be >= 0");
            }
            if (multiplier < 1) {
                throw new IllegalArgumentException("platform.events.consumer.retry.multiplier must be >= 1");
            }
        }
    }
}
