package dev.tarsspeedy.alert.pricealert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.alert.pricealert.AlertEvaluator;
import dev.tarsspeedy.alert.pricealert.PriceAlertTestBase;
import dev.tarsspeedy.contracts.market.QuoteUpdated;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Mono;

/**
 * A consumer that stops after applying records but before their offsets count (killed mid-batch) gets them again
 * when it restarts, and two instances may apply one record at the same moment during a rebalance: every crossing still
 * fires exactly once.
 */
class ConsumerRestartIT extends PriceAlertTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    IdempotentConsumer consumer;

    @Autowired
    AlertEvaluator evaluator;

    @Test
    void aBatchDeliveredAgainAfterARestartFiresEachCrossingOnce() throws Exception {
        User user = newUser();
        String symbol = newSymbol("99");
        Map<String, Object> body = above(symbol, "100");
        body.put("mode", "REARM");
        body.put("cooldown", "PT0S");
        Object id = createAlert(user, body).get("id");
        Instant t = clock.instant();
        publish(quote(symbol, "99").at(t.plusSeconds(1)));

        MessageListenerContainer container = listeners.getListenerContainer(CONSUMER);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafka().bootstrapServers()))) {
            Map<TopicPartition, Long> before = endOffsets(admin);
            // Stopped while the batch arrives, so the restarted consumer gets it all at once.
            container.stop();
            List<EventEnvelope> batch = List.of(
                    envelope(quote(symbol, "101").at(t.plusSeconds(2))),
                    envelope(quote(symbol, "99").at(t.plusSeconds(3))),
                    envelope(quote(symbol, "101").at(t.plusSeconds(4))),
                    envelope(quote(symbol, "102").at(t.plusSeconds(5))));
            batch.forEach(ConsumerRestartIT::send);
            container.start();
            batch.forEach(this::awaitApplied);
            assertThat(firings(id)).isEqualTo(2);

            // Killed after its transactions committed, before its offsets did: the group reads the batch again.
            container.stop();
            rewind(admin, before);
            container.start();
            awaitCaughtUp(admin);
        } finally {
            if (!container.isRunning()) {
                container.start();
            }
        }

        assertThat(firings(id)).isEqualTo(2);
        assertThat(alertMails(id))
                .extracting(EmailRequested::idempotencyKey)
                .containsExactly("alert:" + id + ":1", "alert:" + id + ":2");
    }

    @Test
    void twoInstancesApplyingOneQuoteAtOnceFireOnce() throws Exception {
        User user = newUser();
        String symbol = newSymbol("99");
        Object id = createAlert(user, above(symbol, "100")).get("id");
        Instant t = clock.instant();
        publish(quote(symbol, "99").at(t.plusSeconds(1)));

        // The same record in two instances at once (a rebalance), and the same quote in a second envelope.
        EventEnvelope record = envelope(quote(symbol, "101").at(t.plusSeconds(2)));
        EventEnvelope duplicate = envelope(quote(symbol, "101").at(t.plusSeconds(2)));
        List<EventEnvelope> deliveries = List.of(record, record, duplicate, duplicate);
        CyclicBarrier start = new CyclicBarrier(deliveries.size());
        List<CompletableFuture<Boolean>> runs;
        try (ExecutorService threads = Executors.newFixedThreadPool(deliveries.size())) {
            runs = deliveries.stream()
                    .map(event -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await(10, TimeUnit.SECONDS);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                return consumer.handleAndWait(CONSUMER, event, apply());
                            },
                            threads))
                    .toList();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }

        assertThat(runs.stream().filter(CompletableFuture::join).count()).isEqualTo(2);
        assertThat(firings(id)).isEqualTo(1);
        assertThat(alertMails(id)).hasSize(1);
    }

    /** What the listener does with an event: the quote's evaluation. */
    private Function<EventEnvelope, Mono<Void>> apply() {
        return event ->
                evaluator.evaluate(QuoteUpdatedListener.quote(event.payload())).then();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(QuoteUpdated.TOPIC))
                .allTopicNames()
                .get()
                .get(QuoteUpdated.TOPIC)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(QuoteUpdated.TOPIC, info.partition()))
                .toList();
        return admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Sets the group's committed offsets back (retried until the stopped consumer has left the group). */
    private static void rewind(Admin admin, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> committed = offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    admin.alterConsumerGroupOffsets(CONSUMER, committed).all().get();
                    return true;
                });
    }

    /** Waits until the group has committed offsets up to the end of every partition. */
    private static void awaitCaughtUp(Admin admin) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(admin);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER)
                            .partitionsToOffsetAndMetadata()
                            .get();
                    return end.entrySet().stream().allMatch(entry -> {
                        OffsetAndMetadata at = committed.get(entry.getKey());
                        return entry.getValue() == 0 || (at != null && at.offset() >= entry.getValue());
                    });
                });
    }
}
