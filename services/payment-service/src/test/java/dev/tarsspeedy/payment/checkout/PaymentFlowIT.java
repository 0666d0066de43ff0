package dev.tarsspeedy.payment.checkout;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.payment.support.OrderStandIn;
import dev.tarsspeedy.payment.support.OrderStandIn.TestOrder;
import dev.tarsspeedy.payment.support.PaymentTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.standin.kakaopay.KakaopayStandIn;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Paying an order end to end through the Kakaopay stand-in's page, and who may start what. */
class PaymentFlowIT extends PaymentTestBase {

    @Test
    void thePaymentIsApprovedThroughKakaopaysPageAndAnnouncedOnce() {
        TestOrder order = pendingOrder(129_000);

        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        String redirectUrl = (String) started.get("redirectUrl");
        assertThat(redirectUrl).startsWith(KAKAOPAY.baseUrl() + "/online/v1/payment/pages/");

        // The amount, the item and the ids Kakaopay got come from the order service, not from the client.
        KakaopayStandIn.PaymentView atKakaopay =
                KAKAOPAY.payment(tid(paymentId)).orElseThrow();
        assertThat(atKakaopay.totalAmount()).isEqualTo(129_000);
        assertThat(atKakaopay.partnerOrderId()).isEqualTo(order.orderId().toString());
        assertThat(atKakaopay.partnerUserId()).isEqualTo(order.userId().toString());

        URI callback = pressOnKakaopayPage(redirectUrl, "approve");
        assertThat(callback.getPath()).isEqualTo("/api/payments/" + paymentId + "/approve");
        assertThat(callback.getQuery()).startsWith("pg_token=");

        HttpResponse<String> finished = followCallback(callback);
        assertThat(finished.statusCode()).isEqualTo(303);
        String result = finished.headers().firstValue("Location").orElseThrow();
        assertThat(result).isEqualTo("/api/payments/" + paymentId + "/result");
        assertThat(get(result, "en").body())
                .contains("data-status=\"APPROVED\"")
                .contains("Payment complete");
        assertThat(get(result, "ko-KR,ko;q=0.9").body()).contains("결제가 완료되었습니다");

        Map<String, Object> payment = client().get()
                .uri("/api/payments/{id}", paymentId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(order.userId()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(payment)
                .containsEntry("paymentId", paymentId.toString())
                .containsEntry("orderId", order.orderId().toString())
                .containsEntry("status", "APPROVED")
                .containsEntry("amount", 129_000)
                .containsEntry("refundedAt", null);
        assertThat(payment.get("approvedAt")).isNotNull();

        awaitOutboxDrained();
        List<EventEnvelope> events = approvedEvents(order.orderId());
        assertThat(events).hasSize(1);
        PaymentApproved approved = events.getFirst().payloadAs(PaymentApproved.class);
        assertThat(approved.paymentId()).isEqualTo(paymentId);
        assertThat(approved.userId()).isEqualTo(order.userId());
        assertThat(approved.amount()).isEqualTo(129_000);
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isEqualTo(1);
    }

    @Test
    void aSecondStartReturnsTheSameWaitingPayment() {
        TestOrder order = pendingOrder(10_000);

        Map<String, Object> first = started(order);
        Map<String, Object> second = started(order);

        assertThat(second).isEqualTo(first);
        assertThat(KAKAOPAY.paymentsOfOrder(order.orderId().toString())).hasSize(1);
    }

    @Test
    void anApprovedOrderCannotBeStartedAgain() {
        TestOrder order = pendingOrder(10_000);
        Map<String, Object> started = started(order);
        followCallback(pressOnKakaopayPage((String) started.get("redirectUrl"), "approve"));

        Map<String, Object> problem =
                assertProblem(startPayment(order.orderId(), order.userId()), HttpStatus.CONFLICT, "order-already-paid");
        assertThat(problem).containsEntry("paymentId", started.get("paymentId"));
    }

    @Test
    void someoneElsesOrderIsNotFound() {
        TestOrder order = pendingOrder(10_000);

        assertProblem(startPayment(order.orderId(), UUID.randomUUID()), HttpStatus.NOT_FOUND, "order-not-found");
        assertThat(KAKAOPAY.paymentsOfOrder(order.orderId().toString())).isEmpty();
    }

    @Test
    void someoneElsesPaymentIsNotFound() {
        TestOrder order = pendingOrder(10_000);
        UUID paymentId = paymentId(started(order));

        assertProblem(
                client().get()
                        .uri("/api/payments/{id}", paymentId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(UUID.randomUUID()))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "payment-not-found");
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertProblem(startPayment(UUID.randomUUID(), UUID.randomUUID()), HttpStatus.NOT_FOUND, "order-not-found");
    }

    @Test
    void anOrderNotWaitingForPaymentCannotBePaid() {
        TestOrder paid = ORDERS.put(new OrderStandIn.TestOrder(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "PAID",
                5_000,
                "X",
                1,
                Instant.now().plusSeconds(600)));
        Map<String, Object> problem =
                assertProblem(startPayment(paid.orderId(), paid.userId()), HttpStatus.CONFLICT, "order-not-payable");
        assertThat(problem).containsEntry("orderStatus", "PAID");

        TestOrder expired = ORDERS.put(new OrderStandIn.TestOrder(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "PENDING_PAYMENT",
                5_000,
                "X",
                1,
                Instant.now().minusSeconds(1)));
        assertProblem(startPayment(expired.orderId(), expired.userId()), HttpStatus.CONFLICT, "order-not-payable");
        assertThat(KAKAOPAY.paymentsOfOrder(expired.orderId().toString())).isEmpty();
    }

    @Test
    void anOrderServiceThatCannotAnswerStartsNothing() {
        TestOrder order = pendingOrder(10_000);
        ORDERS.fail(order.orderId());
        try {
            assertProblem(
                    startPayment(order.orderId(), order.userId()),
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "order-service-unavailable");
            assertThat(KAKAOPAY.paymentsOfOrder(order.orderId().toString())).isEmpty();
        } finally {
            ORDERS.recover(order.orderId());
        }
        assertThat(paymentId(started(order))).isNotNull();
    }

    @Test
    void startingNeedsAToken() {
        TestOrder order = pendingOrder(10_000);
        assertProblem(
                client().post().uri("/api/orders/{id}/payment", order.orderId()).exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
    }

    @Test
    void theResultPageOfAnUnknownPaymentIs404() {
        assertThat(get("/api/payments/" + UUID.randomUUID() + "/result", "en").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/payments/not-a-uuid/approve?pg_token=x", "en").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theEventGoesOutEvenWhenTheBrowserNeverLooksAtTheResult() {
        TestOrder order = pendingOrder(7_000);
        UUID paymentId = paymentId(started(order));
        followCallback(pressOnKakaopayPage((String) started(order).get("redirectUrl"), "approve"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> approvedEvents(order.orderId()).size() == 1);
        assertThat(status(paymentId)).isEqualTo("APPROVED");
    }
}
