package dev.tarsspeedy.platform.events.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.UnreadableEventException;
import dev.tarsspeedy.platform.events.autoconfigure.EventsProperties;
import dev.tarsspeedy.platform.test.ServiceIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Records a listener cannot process go to {@code <topic>.dlt}: unreadable ones at once, failing ones after the
 * configured retries; the partition moves on either way.
 */
@ServiceIT
class DeadLetterIT {

    private static final String TOPIC = NotesApplication.CHECKED_TOPIC;

    @Autowired
    CheckingListener listener;

    @Autowired
    EventsProperties properties;

    @Test
    void unreadableAndFailingRecordsGoToTheDeadLetterTopicAndThePartitionMovesOn() {
        String run = UUID.randomUUID().toString();
        byte[] notJson = ("not JSON at all " + run).getBytes(StandardCharsets.UTF_8);
        byte[] notAnEnvelope = ("{\"hello\":\"" + run + "\"}").getBytes(StandardCharsets.UTF_8);
        EventEnvelope failing = check(run, Map.of("outcome", "fail"));
        EventEnvelope unfit = check(run, Map.of("outcome", Map.of("nested", "not a string")));
        EventEnvelope good = check(run, Map.of("outcome", "ok"));

        // One partition, in this order: the good record is read only after the four bad ones are dealt with.
        TopicContents.send(TOPIC, 0, run, notJson, notAnEnvelope, json(failing), json(unfit), json(good));

        await("the good record after the bad ones is processed")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> listener.processed(good.id()));
        int retries = properties.consumer().retry().maxRetries();
        assertThat(retries).isPositive();
        assertThat(listener.attempts(failing.id())).isEqualTo(1 + retries);
        assertThat(listener.attempts(unfit.id())).isEqualTo(1);
        assertThat(listener.attempts(good.id())).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> deadLetters;
        await("four dead letters")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ofRun(run).size() == 4);
        deadLetters = ofRun(run);
        assertThat(deadLetters)
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(
                        new String(notJson, StandardCharsets.UTF_8),
                        new String(notAnEnvelope, StandardCharsets.UTF_8),
                        failing.toJson(),
                        unfit.toJson());
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(record.key()).isEqualTo(run);
        });
        // The unreadable ones never reached the listener: the deserializer rejected them.
        assertThat(deadLetters)
                .filteredOn(record ->
                        Arrays.equals(record.value(), notJson) || Arrays.equals(record.value(), notAnEnvelope))
                .hasSize(2)
                .allSatisfy(record -> assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                        .contains(DeserializationException.class.getName())
                        .contains(UnreadableEventException.class.getName()));
        assertThat(deadLetters)
                .filteredOn(record -> new String(record.value(), StandardCharsets.UTF_8).equals(failing.toJson()))
                .singleElement()
                .satisfies(record -> assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                        .contains("check " + failing.id() + " fails, as asked"));
    }

    private static EventEnvelope check(String run, Object payload) {
        return EventEnvelope.of("CheckRequested", 1, run, payload);
    }

    private static byte[] json(EventEnvelope event) {
        return event.toJson().getBytes(StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> ofRun(String run) {
        return TopicContents.withKey(Topics.deadLetter(TOPIC), run);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
