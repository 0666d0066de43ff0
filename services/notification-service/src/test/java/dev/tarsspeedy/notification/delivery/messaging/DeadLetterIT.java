package dev.tarsspeedy.notification.delivery.messaging;

import static dev.tarsspeedy.notification.support.Requests.transactional;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.notification.delivery.DeliveryMetrics;
import dev.tarsspeedy.notification.delivery.DeliveryRecord;
import dev.tarsspeedy.notification.delivery.DeliveryState;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.notification.support.Requests;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Requests that can never be sent go to the dead-letter topic at once (not retried), with the reason, and send
 * nothing; the delivery log says DEAD_LETTERED and why.
 */
class DeadLetterIT extends NotificationTestBase {

    private static final String DEAD_LETTERS = Topics.deadLetter(TOPIC);

    @Test
    void unsendableRequestsAreDeadLetteredAtOnceWithTheirReasonAndSendNothing() {
        String run = run();
        String to = "dead-" + run + "@example.com";
        EmailRequested unknownTemplate = transactional("dlt:unknown:" + run, "no-such-template", "en", to, Map.of());
        EmailRequested invalidModel = transactional(
                "dlt:model:" + run,
                "signup-verification",
                "ko",
                to,
                Map.of("name", "김민준", "code", "1", "expiresInMinutes", "soon"));
        EmailRequested bulkWithoutUnsubscribe = new EmailRequested(
                "dlt:bulk:" + run,
                "stock-report",
                "en",
                to,
                Map.of("name", "N", "rows", List.of()),
                Category.BULK,
                null);
        // A reminder is bulk mail whatever the producer says: without an unsubscribe URL it cannot go.
        EmailRequested reminderAsTransactional = transactional(
                "dlt:reminder:" + run,
                "drop-reminder",
                "en",
                to,
                Map.of("product", "P", "opensAt", "2026-12-07T20:00:00+09:00", "dropUrl", "https://speedy.example/d"));
        EmailRequested notAnAddress = transactional(
                "dlt:address:" + run,
                "signup-verification",
                "en",
                "not an address " + run,
                Map.of("name", "N", "code", "1", "expiresInMinutes", 5));
        // After them on the same partition (same recipient): proof the partition moved on.
        EmailRequested good = Requests.signUpCode("dlt:good:" + run, "en", to);
        double unknownBefore = metrics.count(DeliveryMetrics.DEAD_LETTERED, DeliveryMetrics.UNKNOWN_TEMPLATE);
        double signUpBefore = metrics.count(DeliveryMetrics.DEAD_LETTERED, "signup-verification");
        double reportBefore = metrics.count(DeliveryMetrics.DEAD_LETTERED, "stock-report");
        double reminderBefore = metrics.count(DeliveryMetrics.DEAD_LETTERED, "drop-reminder");
        EventEnvelope unknownEnvelope = Requests.envelope(unknownTemplate);

        Requests.send(
                TOPIC,
                unknownEnvelope,
                Requests.envelope(invalidModel),
                Requests.envelope(bulkWithoutUnsubscribe),
                Requests.envelope(reminderAsTransactional),
                Requests.envelope(good));
        Requests.send(TOPIC, notAnAddress);

        awaitState(good.idempotencyKey(), DeliveryState.SENT);
        assertThat(mailbox().awaitMessages(to, 1, DELIVERY))
                .singleElement()
                .satisfies(mail -> assertThat(header(mail, "Message-ID"))
                        .containsExactly(deliveries.messageId(good.idempotencyKey())));

        assertDeadLettered(
                unknownTemplate,
                "unknown template 'no-such-template'; known templates: drop-reminder, order-confirmed,");
        assertDeadLettered(
                invalidModel,
                "invalid model for template 'signup-verification': field 'expiresInMinutes' must be a number, not text");
        assertDeadLettered(bulkWithoutUnsubscribe, "BULK mail needs an unsubscribeUrl");
        assertDeadLettered(reminderAsTransactional, "BULK mail needs an unsubscribeUrl");
        DeliveryRecord address = assertDeadLettered(notAnAddress, "not a valid recipient address");
        // The address was only found wrong while sending: claimed once, never retried.
        assertThat(address.attempts()).isEqualTo(1);

        List<ConsumerRecord<String, String>> deadLetters = Requests.readAll(DEAD_LETTERS).stream()
                .filter(record -> record.value().contains(run))
                .toList();
        assertThat(deadLetters).hasSize(5);
        ConsumerRecord<String, String> unknown = deadLetters.stream()
                .filter(record -> record.value().equals(unknownEnvelope.toJson()))
                .findFirst()
                .orElseThrow();
        assertThat(unknown.key()).isEqualTo(to);
        assertThat(header(unknown, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(unknown, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("unknown template 'no-such-template'");
        assertThat(mailbox().messages(to))
                .as("nothing but the good request was sent")
                .hasSize(1);
        assertThat(mailbox().messages("not an address " + run)).isEmpty();

        assertThat(metrics.count(DeliveryMetrics.DEAD_LETTERED, "no-such-template"))
                .as("an unknown template is counted under the tag 'unknown'")
                .isEqualTo(metrics.count(DeliveryMetrics.DEAD_LETTERED, DeliveryMetrics.UNKNOWN_TEMPLATE))
                .isEqualTo(unknownBefore + 1);
        assertThat(metrics.count(DeliveryMetrics.DEAD_LETTERED, "signup-verification"))
                .isEqualTo(signUpBefore + 2);
        assertThat(metrics.count(DeliveryMetrics.DEAD_LETTERED, "stock-report")).isEqualTo(reportBefore + 1);
        assertThat(metrics.count(DeliveryMetrics.DEAD_LETTERED, "drop-reminder"))
                .isEqualTo(reminderBefore + 1);
    }

    /** Dead-lettered after exactly one attempt: a permanent failure is not retried. */
    private DeliveryRecord assertDeadLettered(EmailRequested request, String reason) {
        DeliveryRecord logged = awaitState(request.idempotencyKey(), DeliveryState.DEAD_LETTERED);
        assertThat(logged.lastError())
                .startsWith("dead-lettered after 1 attempt: ")
                .contains(reason);
        assertThat(logged.sentAt()).isNull();
        return logged;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
