package dev.tarsspeedy.order.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis against the database, under {@code order.reconcile}.
 *
 * @param period how often every drop in or near its window is checked
 * @param settleDelay how long a reservation may be on its way (stream, Kafka, consumer) before a difference counts;
 *     also the least wait before a drop whose keys vanished is rebuilt
 * @param catchUpTimeout how long a rebuild waits at most for the order consumer to store every relayed reservation
 */
@ConfigurationProperties("order.reconcile")
public record ReconcileSettings(
        @DefaultValue("1m") Duration period,
        @DefaultValue("3s") Duration settleDelay,
        @DefaultValue("30s") Duration catchUpTimeout) {}
