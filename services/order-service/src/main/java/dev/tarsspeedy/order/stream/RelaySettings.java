package dev.tarsspeedy.order.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay of reservations from the Redis streams to Kafka, under {@code order.relay}.
 *
 * @param enabled whether this instance relays (every instance may: the consumer group shares the entries)
 * @param pollInterval pause when every stream is drained
 * @param idlePollInterval the longest pause: each round that finds nothing doubles the pause up to it, one that moves
 *     entries sets it back to {@code pollInterval}
 * @param batchSize entries read per stream and round
 * @param claimIdle a reservation delivered to a relay that has not acknowledged it for this long (it died) is claimed
 *     and sent again
 * @param sendTimeout how long the relay waits for Kafka's acknowledgements of a batch
 * @param partitions partitions of the reservation topic when the service creates it
 */
@ConfigurationProperties("order.relay")
public record RelaySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20ms") Duration pollInterval,
        @DefaultValue("200ms") Duration idlePollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration claimIdle,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("3") int partitions) {}
