package dev.tarsspeedy.platform.events.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.autoconfigure.EventsProperties;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import dev.tarsspeedy.platform.test.ServiceIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Events applied in batches keep the promise of one event at a time: once each, bad records to the dead letters. */
@ServiceIT
class BatchConsumerIT {

    private static final String TOPIC = NotesApplication.BATCH_CHECKED_TOPIC;

    @Autowired
    IdempotentConsumer consumer;

    @Autowired
    BatchCheckingListener listener;

    @Autowired
    Counters counters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EventsProperties properties;

    @Test
    void aBatchAppliesEachEventOnceAndOnlyItsBadRecordsGoToTheDeadLetterTopic() {
        String run = UUID.randomUUID().toString();
        EventEnvelope first = check(run, "ok");
        EventEnvelope second = check(run, "ok");
        EventEnvelope failing = check(run, "fail");
        EventEnvelope last = check(run, "ok");
        byte[] notJson = ("not JSON at all " + run).getBytes(StandardCharsets.UTF_8);
        MessageListenerContainer container = listeners.getListenerContainer(BatchCheckingListener.CONSUMER);
        int handledBefore = listener.handled().size();

        // Stopped while the records are sent, so that one poll reads them all: one batch, in this order.
        container.stop();
        try {
            TopicContents.send(
                    TOPIC, 0, run, json(first), json(first), json(second), notJson, json(failing), json(last));
        } finally {
            container.start();
        }

        await("the record after the bad ones is applied")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> applied(last) == 1);
        // The first handler call had the readable records before the unreadable one, the resent one once.
        assertThat(listener.handled().get(handledBefore)).isEqualTo(2);
        assertThat(applied(first)).isEqualTo(1);
        assertThat(applied(second)).isEqualTo(1);
        assertThat(applied(failing)).isZero();
        assertThat(listener.attempts(failing.id()))
                .isGreaterThan(properties.consumer().retry().maxRetries());

        await("two dead letters")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> deadLetters(run).size() == 2);
        assertThat(deadLetters(run))
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(new String(notJson, StandardCharsets.UTF_8), failing.toJson());
    }

    @Test
    void handleAllAppliesOnlyTheEventsNotAppliedBeforeAndEachOnce() {
        String run = UUID.randomUUID().toString();
        EventEnvelope a = check(run, "ok");
        EventEnvelope b = check(run, "ok");
        EventEnvelope c = check(run, "ok");
        List<List<UUID>> calls = new CopyOnWriteArrayList<>();
        Function<List<EventEnvelope>, Mono<Void>> increment = events -> {
            calls.add(events.stream().map(EventEnvelope::id).toList());
            return Flux.fromIterable(events)
                    .concatMap(event -> counters.increment(event.id().toString()))
                    .then();
        };

        List<EventEnvelope> firstRun =
                consumer.handleAll("direct-batch", List.of(a, b, a), increment).block();
        List<EventEnvelope> secondRun =
                consumer.handleAll("direct-batch", List.of(b, c, a), increment).block();
        List<EventEnvelope> thirdRun =
                consumer.handleAll("direct-batch", List.of(c), increment).block();

        assertThat(firstRun).containsExactly(a, b);
        assertThat(secondRun).containsExactly(c);
        assertThat(thirdRun).isEmpty();
        // The handler is not called for a batch of events all applied before.
        assertThat(calls).containsExactly(List.of(a.id(), b.id()), List.of(c.id()));
        assertThat(applied(a)).isEqualTo(1);
        assertThat(applied(b)).isEqualTo(1);
        assertThat(applied(c)).isEqualTo(1);
    }

    @Test
    void aFailingBatchRollsBackEveryEventAndItsMarkers() {
        String run = UUID.randomUUID().toString();
        EventEnvelope a = check(run, "ok");
        EventEnvelope b = check(run, "ok");
        Function<List<EventEnvelope>, Mono<Void>> incrementThenFail = events -> Flux.fromIterable(events)
                .concatMap(event -> counters.increment(event.id().toString()))
                .then(Mono.error(new IllegalStateException("batch failed")));

        assertThatThrownBy(() -> consumer.handleAll("rollback-batch", List.of(a, b), incrementThenFail)
                        .block())
                .hasMessageContaining("batch failed");
        assertThat(applied(a)).isZero();
        assertThat(applied(b)).isZero();

        List<EventEnvelope> retried = consumer.handleAll(
                        "rollback-batch",
                        List.of(a, b),
                        events -> Flux.fromIterable(events)
                                .concatMap(
                                        event -> counters.increment(event.id().toString()))
                                .then())
                .block();
        assertThat(retried).containsExactly(a, b);
        assertThat(applied(a)).isEqualTo(1);
        assertThat(applied(b)).isEqualTo(1);
    }

    private long applied(EventEnvelope event) {
        return counters.value(event.id().toString()).block();
    }

    private static EventEnvelope check(String run, String outcome) {
        return EventEnvelope.of("CheckRequested", 1, run, Map.of("outcome", outcome));
    }

    private static byte[] json(EventEnvelope event) {
        return event.toJson().getBytes(StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String run) {
        return TopicContents.withKey(Topics.deadLetter(TOPIC), run);
    }
}
