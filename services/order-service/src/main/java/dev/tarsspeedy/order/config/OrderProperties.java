package dev.tarsspeedy.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order service's settings, under {@code order}; services/order-service/README.md lists each with its environment
 * variable. Every duration is configurable so that tests run fast.
 */
@ConfigurationProperties("order")
public record OrderProperties(
        @DefaultValue Buy buy,
        @DefaultValue Catalog catalog,
        @DefaultValue Expiry expiry,
        @DefaultValue WarmUp warmUp,
        @DefaultValue Relay relay,
        @DefaultValue Reconcile reconcile,
        @DefaultValue Live live) {

    /**
     * The buy path.
     *
     * @param soldOutTtl how long an instance answers "sold out" from memory after Redis said so
     * @param absentRetryAfter the Retry-After of the 503 when a drop's Redis keys are missing (being rebuilt)
     */
    public record Buy(
            @DefaultValue("1s") Duration soldOutTtl,
            @DefaultValue("2s") Duration absentRetryAfter) {}

    /**
     * The in-memory copy of the drops.
     *
     * @param refreshPeriod how often every instance reloads the drops near their window from the database (changes
     *     applied by another instance reach this one at the latest then)
     * @param unknownTtl how long an unknown drop id is remembered as unknown (a flood of made-up ids reads the
     *     database once per id and period)
     * @param keepAfterClose how long after closing a drop stays relevant (relay, reconciliation, live stock)
     */
    public record Catalog(
            @DefaultValue("5s") Duration refreshPeriod,
            @DefaultValue("2s") Duration unknownTtl,
            @DefaultValue("1h") Duration keepAfterClose) {}

    /**
     * Unpaid orders.
     *
     * @param hold how long an unpaid order holds its units (the buy script's holdMillis)
     * @param period how often the expiry job looks for overdue orders
     * @param batchSize orders expired per run at most
     */
    public record Expiry(
            @DefaultValue("10m") Duration hold,
            @DefaultValue("5s") Duration period,
            @DefaultValue("200") int batchSize) {}

    /**
     * Loading drops into Redis ahead of their opening.
     *
     * @param leadTime drops opening within this time are loaded if their keys are missing
     * @param period how often the warm-up job runs
     */
    public record WarmUp(
            @DefaultValue("5m") Duration leadTime,
            @DefaultValue("30s") Duration period) {}

    /**
     * The relay of reservations from the Redis streams to Kafka.
     *
     * @param enabled whether this instance relays (every instance may: the consumer group shares the entries)
     * @param pollInterval pause when every stream is drained
     * @param batchSize entries read per stream and round
     * @param claimIdle a reservation delivered to a relay that has not acknowledged it for this long (it died) is
     *     claimed and sent again
     * @param sendTimeout how long the relay waits for Kafka's acknowledgements of a batch
     * @param partitions partitions of the reservation topic when the service creates it
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("30s") Duration claimIdle,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("3") int partitions) {}

    /**
     * Redis against the database.
     *
     * @param period how often every drop in or near its window is checked
     * @param settleDelay how long a reservation may be on its way (stream, Kafka, consumer) before a difference
     *     counts; also the least wait before a drop whose keys vanished is rebuilt
     * @param catchUpTimeout how long a rebuild waits at most for the order consumer to store every relayed reservation
     */
    public record Reconcile(
            @DefaultValue("1m") Duration period,
            @DefaultValue("3s") Duration settleDelay,
            @DefaultValue("30s") Duration catchUpTimeout) {}

    /**
     * Live stock over server-sent events.
     *
     * @param pollInterval how often one shared poll per drop and instance reads the stock
     * @param heartbeat interval of comment lines that keep idle connections open
     */
    public record Live(
            @DefaultValue("300ms") Duration pollInterval,
            @DefaultValue("15s") Duration heartbeat) {}
}
