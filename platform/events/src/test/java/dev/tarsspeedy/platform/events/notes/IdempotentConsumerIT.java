package dev.tarsspeedy.platform.events.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import dev.tarsspeedy.platform.test.ServiceIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/** However often an event arrives, its effect happens once. */
@ServiceIT
class IdempotentConsumerIT {

    @Autowired
    IdempotentConsumer consumer;

    @Autowired
    CountingListener listener;

    @Autowired
    Counters counters;

    @Autowired
    DatabaseClient database;

    @Test
    void anEventDeliveredTwiceThroughKafkaChangesStateOnce() {
        String counter = "kafka-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of("CountRequested", 1, counter, new CountRequested(counter));
        byte[] value = event.toJson().getBytes(StandardCharsets.UTF_8);

        TopicContents.send(NotesApplication.COUNTED_TOPIC, 0, event.key(), value, value);

        await("both deliveries handled")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> listener.deliveries(event.id()).size() == 2);
        assertThat(listener.deliveries(event.id())).containsExactly(true, false);
        assertThat(counters.value(counter).block()).isEqualTo(1);
        assertThat(processedMarkers(CountingListener.CONSUMER, event)).isEqualTo(1);
    }

    @Test
    void handlingTheSameEventTwiceRunsTheHandlerOnce() {
        String counter = "direct-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of("CountRequested", 1, counter, new CountRequested(counter));
        Function<EventEnvelope, Mono<Void>> increment = e -> counters.increment(e.key());

        Boolean first = consumer.handle("direct-counter", event, increment).block();
        Boolean second = consumer.handle("direct-counter", event, increment).block();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(counters.value(counter).block()).isEqualTo(1);
        // Another consumer of the same event applies it for itself.
        assertThat(consumer.handle("another-counter", event, increment).block()).isTrue();
        assertThat(counters.value(counter).block()).isEqualTo(2);
    }

    @Test
    void aFailingHandlerRollsBackItsChangesAndTheMarkerSoTheEventCanBeRetried() {
        String counter = "rollback-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of("CountRequested", 1, counter, new CountRequested(counter));

        Mono<Boolean> failing = consumer.handle(
                "rollback-counter",
                event,
                e -> counters.increment(e.key()).then(Mono.error(new IllegalStateException("handler failed"))));
        assertThatThrownBy(failing::block).hasMessageContaining("handler failed");
        assertThat(counters.value(counter).block()).isZero();
        assertThat(processedMarkers("rollback-counter", event)).isZero();

        Boolean retried = consumer.handle("rollback-counter", event, e -> counters.increment(e.key()))
                .block();
        assertThat(retried).isTrue();
        assertThat(counters.value(counter).block()).isEqualTo(1);
    }

    @Test
    void twoDeliveriesAtTheSameTimeApplyTheEventOnce() {
        String counter = "concurrent-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of("CountRequested", 1, counter, new CountRequested(counter));
        // The delay keeps the first transaction open while the second one tries to insert the same marker.
        Function<EventEnvelope, Mono<Void>> slowIncrement =
                e -> Mono.delay(Duration.ofMillis(300)).then(counters.increment(e.key()));

        Tuple2<Boolean, Boolean> results = Mono.zip(
                        consumer.handle("concurrent-counter", event, slowIncrement)
                                .subscribeOn(Schedulers.parallel()),
                        consumer.handle("concurrent-counter", event, slowIncrement)
                                .subscribeOn(Schedulers.parallel()))
                .block(Duration.ofSeconds(30));

        assertThat(List.of(results.getT1(), results.getT2())).containsExactlyInAnyOrder(true, false);
        assertThat(counters.value(counter).block()).isEqualTo(1);
    }

    private long processedMarkers(String consumerName, EventEnvelope event) {
        return database.sql("select count(*) from processed_event where consumer = :consumer and event_id = :id")
                .bind("consumer", consumerName)
                .bind("id", event.id())
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    record CountRequested(String counter) {}
}
