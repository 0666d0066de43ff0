package dev.tarsspeedy.notification.delivery;

import static dev.tarsspeedy.notification.support.Requests.envelope;
import static dev.tarsspeedy.notification.support.Requests.signUpCode;
import static dev.tarsspeedy.notification.support.Requests.transactional;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.infra.mail.MailMessage;
import dev.tarsspeedy.notification.support.Models;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.notification.support.Requests;
import dev.tarsspeedy.platform.events.EventEnvelope;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A request produced to Kafka ends as one mail, in the requested language, logged as sent. */
class EmailDeliveryIT extends NotificationTestBase {

    private static final String FROM = "no-reply@tars-speedy.dev";

    @Test
    void aKoreanSignUpCodeArrivesInKorean() {
        String run = run();
        String to = "kim-" + run + "@example.com";
        EmailRequested request = signUpCode("identity:signup-code:" + run, "ko", to);

        Requests.send(TOPIC, request);

        MailMessage mail = mailbox().awaitMessages(to, 1, DELIVERY).getFirst();
        assertThat(mail.subject()).isEqualTo("[Speedy] 회원가입 인증 코드");
        assertThat(mail.text())
                .startsWith("김민준님, 안녕하세요.")
                .contains("Speedy 회원가입을 마치려면 아래 인증 코드를 입력해 주세요.")
                .contains("482913")
                .contains("이 코드는 10분 후에 만료됩니다.");
        assertThat(mail.html())
                .contains("<html lang=\"ko\">")
                .contains(">김민준님, 안녕하세요.</p>")
                .contains(">482913</p>");
        assertThat(mail.from()).isEqualTo(FROM);
        assertThat(header(mail, "From")).singleElement().asString().contains("TARS & Speedy");
        assertThat(mail.to()).containsExactly(to);
        String messageId = deliveries.messageId(request.idempotencyKey());
        assertThat(messageId).matches("<[0-9a-f]{64}@tars-speedy\\.dev>");
        assertThat(header(mail, "Message-ID")).containsExactly(messageId);
        assertThat(header(mail, "Content-Type")).singleElement().asString().startsWith("multipart/alternative");
        assertThat(header(mail, "List-Unsubscribe")).isEmpty();
        assertThat(header(mail, "List-Unsubscribe-Post")).isEmpty();

        DeliveryRecord logged = awaitState(request.idempotencyKey(), DeliveryState.SENT);
        assertThat(logged.attempts()).isEqualTo(1);
        assertThat(logged.messageId()).isEqualTo(messageId);
        assertThat(logged.recipient()).isEqualTo(to);
        assertThat(logged.template()).isEqualTo("signup-verification");
        assertThat(logged.sentAt()).isNotNull();
        assertThat(logged.lastError()).isNull();
        assertThat(logged.leaseUntil()).isNull();
    }

    @Test
    void anEnglishOrderConfirmationArrivesInEnglish() {
        String run = run();
        String to = "jane-" + run + "@example.com";
        EmailRequested request = transactional(
                "orders:confirmed:" + run,
                "order-confirmed",
                "en",
                to,
                Map.of("name", "Jane", "orderId", "A-" + run, "item", "무선 이어폰", "amount", 129000));

        Requests.send(TOPIC, request);

        MailMessage mail = mailbox().awaitMessages(to, 1, DELIVERY).getFirst();
        assertThat(mail.subject()).isEqualTo("[Speedy] Order A-" + run + " is confirmed");
        assertThat(mail.text())
                .startsWith("Hello Jane,")
                .contains("Item: 무선 이어폰")
                .contains("Amount: KRW 129,000");
        assertThat(mail.html()).contains("<html lang=\"en\">").contains(">KRW 129,000</td>");
        assertThat(mail.from()).isEqualTo(FROM);
        assertThat(mail.to()).containsExactly(to);
        assertThat(header(mail, "Message-ID")).containsExactly(deliveries.messageId(request.idempotencyKey()));
        assertThat(awaitState(request.idempotencyKey(), DeliveryState.SENT).attempts())
                .isEqualTo(1);
    }

    @Test
    void aBulkReportCarriesOneClickUnsubscribeHeaders() {
        String run = run();
        String to = "investor-" + run + "@example.com";
        String unsubscribe = "https://tars.example/unsubscribe?token=" + run;
        EmailRequested request = new EmailRequested(
                "alerts:report:" + run,
                "stock-report",
                "ko",
                to,
                Models.with(
                        Models.with(Models.stockReport(), "name", "이서연"),
                        "rows",
                        List.of(Models.with(
                                Models.with(Models.samsung(), "change", -1000),
                                "changePercent",
                                new BigDecimal("-1.38")))),
                Category.BULK,
                unsubscribe);

        Requests.send(TOPIC, request);

        MailMessage mail = mailbox().awaitMessages(to, 1, DELIVERY).getFirst();
        assertThat(mail.subject()).isEqualTo("[TARS] 관심 종목 리포트 (12월 7일 08:30)");
        assertThat(mail.text())
                .contains("이서연님, 안녕하세요.")
                .contains("삼성전자 (005930, KRX)\n  71,500원  ▼1,000 (-1.38%)\n")
                .contains(unsubscribe);
        assertThat(mail.html()).contains(">삼성전자</strong>").contains("href=\"" + unsubscribe + "\"");
        assertThat(header(mail, "List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(header(mail, "List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(header(mail, "Message-ID")).containsExactly(deliveries.messageId(request.idempotencyKey()));
        assertThat(awaitState(request.idempotencyKey(), DeliveryState.SENT).attempts())
                .isEqualTo(1);
    }

    @Test
    void aReminderRequestedAsTransactionalIsStillSentWithOneClickUnsubscribeHeaders() {
        String run = run();
        String to = "reminded-" + run + "@example.com";
        String unsubscribe = "https://speedy.example/api/wishlist/reminders/" + run + "/unsubscribe";
        EmailRequested request = new EmailRequested(
                "catalog:drop-reminder:" + run,
                "drop-reminder",
                "en",
                to,
                Map.of(
                        "product",
                        "무선 이어폰",
                        "opensAt",
                        "2026-11-21T20:00:00+09:00",
                        "dropUrl",
                        "https://speedy.example/drops/" + run),
                Category.TRANSACTIONAL,
                unsubscribe);

        Requests.send(TOPIC, request);

        MailMessage mail = mailbox().awaitMessages(to, 1, DELIVERY).getFirst();
        assertThat(header(mail, "List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(header(mail, "List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.text()).contains(unsubscribe);
        awaitState(request.idempotencyKey(), DeliveryState.SENT);
    }

    @Test
    void theSameRequestDeliveredTwiceIsSentOnce() {
        String run = run();
        String to = "twice-" + run + "@example.com";
        EmailRequested request = signUpCode("identity:signup-code:" + run, "en", to);
        EventEnvelope first = envelope(request);
        EventEnvelope second = envelope(request); // another envelope id, as a producer retrying would make
        assertThat(second.id()).isNotEqualTo(first.id());
        // Same recipient, so same key and partition: the marker is read only after both copies were handled.
        EmailRequested marker = signUpCode("identity:signup-code:" + run + ":marker", "en", to);
        double duplicatesBefore = metrics.count(DeliveryMetrics.DUPLICATES, "signup-verification");

        Requests.send(TOPIC, first, second, envelope(marker));

        mailbox().awaitMessages(to, 2, DELIVERY);
        awaitState(marker.idempotencyKey(), DeliveryState.SENT);
        String messageId = deliveries.messageId(request.idempotencyKey());
        assertThat(mailbox().messages(to))
                .as("one mail for the request, one for the marker")
                .hasSize(2)
                .extracting(mail -> header(mail, "Message-ID").getFirst())
                .containsExactlyInAnyOrder(messageId, deliveries.messageId(marker.idempotencyKey()));
        assertThat(record(request.idempotencyKey()).orElseThrow()).satisfies(logged -> {
            assertThat(logged.state()).isEqualTo(DeliveryState.SENT);
            assertThat(logged.attempts()).isEqualTo(1);
        });
        assertThat(metrics.count(DeliveryMetrics.DUPLICATES, "signup-verification"))
                .isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void metricsAreExposedForPrometheus() {
        String run = run();
        String to = "metrics-" + run + "@example.com";
        Requests.send(TOPIC, signUpCode("identity:signup-code:" + run, "en", to));
        mailbox().awaitMessages(to, 1, DELIVERY);
        awaitState("identity:signup-code:" + run, DeliveryState.SENT);

        String scrape = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .containsPattern("notification_email_sent_total\\{[^}]*template=\"signup-verification\"[^}]*} [1-9]")
                .contains("notification_email_failed_total{")
                .contains("notification_email_retried_total{")
                .contains("notification_email_dead_lettered_total{")
                .contains("notification_email_duplicates_total{")
                .containsPattern(
                        "notification_email_send_seconds_count\\{[^}]*outcome=\"sent\"[^}]*template=\"signup-verification\"");
    }
}
