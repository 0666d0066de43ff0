package dev.tarsspeedy.notification.delivery.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.mail.MailMessage;
import dev.tarsspeedy.infra.mail.MailServer;
import dev.tarsspeedy.notification.delivery.DeliveryMetrics;
import dev.tarsspeedy.notification.delivery.DeliveryRecord;
import dev.tarsspeedy.notification.delivery.DeliveryState;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.notification.support.Requests;
import dev.tarsspeedy.platform.events.autoconfigure.EventsProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SMTP server goes away for a few seconds: requests wait, are retried with back-off, and arrive exactly once each
 * when it is back. (A restarted server's mailbox starts empty; nothing could arrive while it was down.)
 */
class SmtpOutageIT extends NotificationTestBase {

    private static final String TEMPLATE = "signup-verification";
    private static final int REQUESTS = 10;

    @Autowired
    EventsProperties events;

    @Test
    void theTestRetriesOutlastTheOutage() {
        EventsProperties.Retry retry = events.consumer().retry();
        long total = 0;
        long interval = retry.initialInterval().toMillis();
        for (int i = 0; i < retry.maxRetries(); i++) {
            total += Math.min(interval, retry.maxInterval().toMillis());
            interval = (long) (interval * retry.multiplier());
        }
        assertThat(Duration.ofMillis(total)).isGreaterThan(Duration.ofSeconds(15));
    }

    @Test
    void requestsDuringAnOutageAreAllDeliveredOnceWhenTheServerIsBack() throws Exception {
        String run = run();
        List<EmailRequested> requests = IntStream.range(0, REQUESTS)
                .mapToObj(i ->
                        Requests.signUpCode("outage:" + run + ":" + i, "en", "user" + i + "-" + run + "@example.com"))
                .toList();
        double failedBefore = metrics.count(DeliveryMetrics.FAILED, TEMPLATE);
        double retriedBefore = metrics.count(DeliveryMetrics.RETRIED, TEMPLATE);
        double sentBefore = metrics.count(DeliveryMetrics.SENT, TEMPLATE);
        MailServer mail = Infrastructure.shared().mail();

        mail.stop();
        try {
            Requests.send(TOPIC, requests.toArray(EmailRequested[]::new));
            // Every consumer thread is stuck on its first request: attempts fail and are logged as FAILED.
            await("failed attempts while the server is down")
                    .atMost(DELIVERY)
                    .until(() -> metrics.count(DeliveryMetrics.FAILED, TEMPLATE) >= failedBefore + 3);
            assertThat(requests.stream().map(r -> record(r.idempotencyKey())).flatMap(java.util.Optional::stream))
                    .as("failed attempts are in the log, and nothing is SENT")
                    .anySatisfy(logged -> {
                        assertThat(logged.state()).isIn(DeliveryState.FAILED, DeliveryState.SENDING);
                        assertThat(logged.lastError()).isNotNull();
                    })
                    .noneSatisfy(logged -> assertThat(logged.state()).isEqualTo(DeliveryState.SENT));
            Thread.sleep(3_000); // the outage lasts a while longer
        } finally {
            mail.start();
        }

        for (EmailRequested request : requests) {
            awaitState(request.idempotencyKey(), DeliveryState.SENT);
        }
        Map<String, List<MailMessage>> byMessageId = mailbox().messages().stream()
                .filter(message -> message.to().stream().anyMatch(to -> to.endsWith("-" + run + "@example.com")))
                .collect(Collectors.groupingBy(
                        message -> header(message, "Message-ID").getFirst()));
        Map<String, String> keysByMessageId = requests.stream()
                .collect(Collectors.toMap(
                        r -> deliveries.messageId(r.idempotencyKey()), EmailRequested::idempotencyKey));
        assertThat(byMessageId.keySet()).as("every request arrived").isEqualTo(keysByMessageId.keySet());
        assertThat(byMessageId)
                .as("each exactly once")
                .allSatisfy((id, copies) -> assertThat(copies).hasSize(1));
        for (EmailRequested request : requests) {
            assertThat(byMessageId
                            .get(deliveries.messageId(request.idempotencyKey()))
                            .getFirst()
                            .to())
                    .containsExactly(request.to());
        }
        List<DeliveryRecord> logged = requests.stream()
                .map(r -> record(r.idempotencyKey()).orElseThrow())
                .toList();
        assertThat(logged).allSatisfy(r -> assertThat(r.lastError()).isNull());
        assertThat(logged)
                .as("some requests needed more than one attempt")
                .anySatisfy(r -> assertThat(r.attempts()).isGreaterThan(1));
        assertThat(metrics.count(DeliveryMetrics.SENT, TEMPLATE)).isEqualTo(sentBefore + REQUESTS);
        assertThat(metrics.count(DeliveryMetrics.RETRIED, TEMPLATE)).isGreaterThan(retriedBefore);
    }

    @Test
    void aTransientFailureIsRetriedAndThenSucceeds() {
        String run = run();
        String to = "transient-" + run + "@example.com";
        EmailRequested request = Requests.signUpCode("transient:" + run, "ko", to);
        double failedBefore = metrics.count(DeliveryMetrics.FAILED, TEMPLATE);
        double retriedBefore = metrics.count(DeliveryMetrics.RETRIED, TEMPLATE);
        MailServer mail = Infrastructure.shared().mail();

        mail.stop();
        try {
            Requests.send(TOPIC, request);
            DeliveryRecord failed = awaitState(request.idempotencyKey(), DeliveryState.FAILED);
            assertThat(failed.lastError()).contains("not sent").contains("Connection refused");
            assertThat(metrics.count(DeliveryMetrics.FAILED, TEMPLATE)).isGreaterThan(failedBefore);
            // Retried while the server is still down: more attempts, still failing.
            await("a retry")
                    .atMost(DELIVERY)
                    .until(() -> record(request.idempotencyKey()).orElseThrow().attempts() >= 2);
        } finally {
            mail.start();
        }

        MailMessage received = mailbox().awaitMessages(to, 1, DELIVERY).getFirst();
        assertThat(received.subject()).isEqualTo("[Speedy] 회원가입 인증 코드");
        DeliveryRecord sent = awaitState(request.idempotencyKey(), DeliveryState.SENT);
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(metrics.count(DeliveryMetrics.RETRIED, TEMPLATE)).isGreaterThanOrEqualTo(retriedBefore + 1);
        assertThat(mailbox().messages(to)).hasSize(1);
    }
}
