package dev.tarsspeedy.payment.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.payment.support.OrderStandIn.TestOrder;
import dev.tarsspeedy.payment.support.PaymentTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.standin.kakaopay.Endpoint;
import dev.tarsspeedy.standin.kakaopay.FailureMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** RefundRequested: one Kakaopay cancel per payment however often it arrives, one PaymentRefunded, one email. */
class RefundIT extends PaymentTestBase {

    @Test
    void aRefundRequestedTwiceCancelsOnceAndIsAnnouncedOnce() {
        TestOrder order = pendingOrder(55_000);
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID paymentId = approvedPayment(order, email, "ko");

        EventEnvelope request = refundRequest(order.orderId(), paymentId, RefundRequested.Reason.CANCELLED);
        publish(request);
        publish(request); // redelivered
        publish(refundRequest(order.orderId(), paymentId, RefundRequested.Reason.CANCELLED)); // asked again

        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(paymentId)));
        awaitOutboxDrained();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().cancels()).isEqualTo(1);
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().status()).isEqualTo("CANCEL_PAYMENT");
        List<EventEnvelope> refunded = refundedEvents(order.orderId());
        assertThat(refunded).hasSize(1);
        PaymentRefunded event = refunded.getFirst().payloadAs(PaymentRefunded.class);
        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.amount()).isEqualTo(55_000);
        assertThat(event.reason()).isEqualTo("CANCELLED");
        assertThat(event.userId()).isEqualTo(order.userId());

        List<EmailRequested> emails = emailsAbout(email, paymentId);
        assertThat(emails).hasSize(1);
        EmailRequested mail = emails.getFirst();
        assertThat(mail.template()).isEqualTo("payment-refunded");
        assertThat(mail.locale()).isEqualTo("ko");
        assertThat(mail.idempotencyKey()).isEqualTo("payment:refunded:" + paymentId);
        assertThat(mail.model())
                .containsEntry("orderId", order.orderId().toString())
                .containsEntry("reason", "CANCELLED")
                .containsEntry("item", "한정판 스니커즈");
        assertThat(((Number) mail.model().get("amount")).longValue()).isEqualTo(55_000);

        Map<String, Object> payment = client().get()
                .uri("/api/payments/{id}", paymentId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(order.userId()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(payment).containsEntry("status", "REFUNDED");
        assertThat(payment.get("refundedAt")).isNotNull();
    }

    @Test
    void aLatePaymentIsRefundedAndTheBuyerTold() {
        TestOrder order = pendingOrder(18_000);
        String email = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID paymentId = approvedPayment(order, email, "en");

        // The order expired meanwhile: the order service answers PaymentApproved with this.
        publish(refundRequest(order.orderId(), paymentId, RefundRequested.Reason.ORDER_NOT_PAYABLE));

        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(paymentId)));
        awaitOutboxDrained();
        assertThat(refundedEvents(order.orderId()))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.payloadAs(PaymentRefunded.class).reason()).isEqualTo("ORDER_NOT_PAYABLE"));
        assertThat(emailsAbout(email, paymentId)).singleElement().satisfies(mail -> {
            assertThat(mail.locale()).isEqualTo("en");
            assertThat(mail.model()).containsEntry("reason", "ORDER_NOT_PAYABLE");
        });
    }

    @Test
    void aCancelWithoutAnAnswerIsSettledByTheReconciliation() {
        TestOrder order = pendingOrder(26_000);
        String email = "slow-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID paymentId = approvedPayment(order, email, "ko");
        KAKAOPAY.failures().timeoutDelay(Duration.ofSeconds(3)).fail(Endpoint.CANCEL, FailureMode.TIMEOUT);

        publish(refundRequest(order.orderId(), paymentId, RefundRequested.Reason.RETURNED));

        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(paymentId)));
        awaitOutboxDrained();
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().cancels()).isEqualTo(1);
        assertThat(refundedEvents(order.orderId())).hasSize(1);
        assertThat(emailsAbout(email, paymentId)).hasSize(1);
    }

    @Test
    void aRefundOfAPaymentThatTookNoMoneyIsIgnored() {
        TestOrder order = pendingOrder(9_000);
        UUID paymentId = paymentId(started(order));

        publish(refundRequest(order.orderId(), paymentId, RefundRequested.Reason.CANCELLED));
        // A later request for an approved payment of another order shows the first one was consumed.
        TestOrder other = pendingOrder(9_000);
        UUID otherPayment = approvedPayment(other, "other@example.com", "en");
        publish(refundRequest(other.orderId(), otherPayment, RefundRequested.Reason.CANCELLED));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(otherPayment)));

        assertThat(status(paymentId)).isEqualTo("READY");
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().cancels()).isZero();
    }

    private static EventEnvelope refundRequest(UUID orderId, UUID paymentId, RefundRequested.Reason reason) {
        return EventEnvelope.of(
                RefundRequested.TYPE,
                RefundRequested.VERSION,
                orderId.toString(),
                new RefundRequested(orderId, paymentId, reason));
    }

    private static void publish(EventEnvelope event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.shared().kafka().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(RefundRequested.TOPIC, event.key(), event.toJson()));
            producer.flush();
        }
    }
}
