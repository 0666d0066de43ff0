package dev.tarsspeedy.notification.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.mail.MailMessage;
import dev.tarsspeedy.infra.mail.MailServer;
import dev.tarsspeedy.notification.delivery.DeliveryMetrics;
import dev.tarsspeedy.notification.delivery.DeliveryRecord;
import dev.tarsspeedy.notification.delivery.DeliveryState;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.notification.support.Requests;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.autoconfigure.EventsProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * The SMTP server stays away longer than the retries last: the request is tried 1 + max-retries times with growing
 * pauses, then parked on the dead-letter topic and logged and counted as such; its partition goes on, and a later
 * request to the same recipient is sent once the server is back.
 *
 * <p>A service of its own (a second context in this JVM) with short retries, on a topic and consumer group of its
 * own so that the shared service of the other tests takes no part.
 */
@TestPropertySource(
        properties = {
            "notification.delivery.topic=" + RetriesExhaustedIT.TOPIC,
            "notification.delivery.group-id=retries-exhausted-test",
            "platform.events.consumer.retry.max-retries=" + RetriesExhaustedIT.MAX_RETRIES,
            "platform.events.consumer.retry.initial-interval=200ms",
            "platform.events.consumer.retry.multiplier=2",
            "platform.events.consumer.retry.max-interval=1s"
        })
class RetriesExhaustedIT extends NotificationTestBase {

    static final String TOPIC = "test.retries-exhausted.email-requested.v1";
    static final int MAX_RETRIES = 3;
    private static final String TEMPLATE = "signup-verification";
    /** 200 ms + 400 ms + 800 ms: the pauses before the three retries. */
    private static final Duration BACK_OFF = Duration.ofMillis(1_400);

    @Autowired
    EventsProperties events;

    @Test
    void aRequestThatNeverGetsThroughIsDeadLetteredAfterItsRetriesAndItsPartitionMovesOn() throws Exception {
        assertThat(events.consumer().retry().maxRetries()).isEqualTo(MAX_RETRIES);
        String run = run();
        String to = "exhausted-" + run + "@example.com";
        EmailRequested doomed = Requests.signUpCode("exhausted:" + run, "en", to);
        // Same recipient, so same record key and partition: it waits behind the doomed one.
        EmailRequested later = Requests.signUpCode("exhausted:" + run + ":later", "en", to);
        double deadLetteredBefore = metrics.count(DeliveryMetrics.DEAD_LETTERED, TEMPLATE);
        double failedBefore = metrics.count(DeliveryMetrics.FAILED, TEMPLATE);
        double retriedBefore = metrics.count(DeliveryMetrics.RETRIED, TEMPLATE);
        MailServer mail = Infrastructure.shared().mail();

        DeliveryRecord parked;
        long started;
        mail.stop();
        try {
            started = System.nanoTime();
            Requests.send(TOPIC, doomed);
            parked = awaitState(doomed.idempotencyKey(), DeliveryState.DEAD_LETTERED);
        } finally {
            mail.start();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(parked.attempts()).as("the first attempt and every retry").isEqualTo(1 + MAX_RETRIES);
        assertThat(took).as("the retries waited their back-off").isGreaterThanOrEqualTo(BACK_OFF);
        assertThat(parked.lastError())
                .startsWith("dead-lettered after " + (1 + MAX_RETRIES) + " attempts: ")
                .contains("not sent")
                .contains("Connection refused");
        assertThat(parked.sentAt()).isNull();
        assertThat(metrics.count(DeliveryMetrics.DEAD_LETTERED, TEMPLATE)).isEqualTo(deadLetteredBefore + 1);
        assertThat(metrics.count(DeliveryMetrics.FAILED, TEMPLATE)).isEqualTo(failedBefore + 1 + MAX_RETRIES);
        assertThat(metrics.count(DeliveryMetrics.RETRIED, TEMPLATE)).isEqualTo(retriedBefore + MAX_RETRIES);

        List<ConsumerRecord<String, String>> deadLetters = Requests.readAll(Topics.deadLetter(TOPIC)).stream()
                .filter(record -> record.value().contains(doomed.idempotencyKey()))
                .toList();
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(to);
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("Connection refused");
        });

        // The server is back: the partition was not left blocked by the parked request.
        Requests.send(TOPIC, later);
        awaitState(later.idempotencyKey(), DeliveryState.SENT);
        List<MailMessage> received = mailbox().awaitMessages(to, 1, DELIVERY);
        assertThat(received)
                .singleElement()
                .satisfies(message -> assertThat(header(message, "Message-ID"))
                        .containsExactly(deliveries.messageId(later.idempotencyKey())));
        assertThat(record(doomed.idempotencyKey()).orElseThrow().state())
                .as("a dead letter stays parked until it is replayed")
                .isEqualTo(DeliveryState.DEAD_LETTERED);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
