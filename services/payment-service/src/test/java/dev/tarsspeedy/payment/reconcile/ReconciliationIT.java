package dev.tarsspeedy.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.payment.support.OrderStandIn.TestOrder;
import dev.tarsspeedy.payment.support.PaymentTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.standin.kakaopay.Endpoint;
import dev.tarsspeedy.standin.kakaopay.FailureMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Approvals without a clear answer are settled by the scheduled reconciliation (every 500 ms here, for payments
 * APPROVING longer than 2 s) with Kakaopay's order endpoint: paid ends APPROVED with exactly one event.
 */
class ReconciliationIT extends PaymentTestBase {

    @Test
    void aKakaopayTimeoutOnApproveEndsApprovedExactlyOnce() {
        TestOrder order = pendingOrder(33_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        URI callback = pressOnKakaopayPage((String) started.get("redirectUrl"), "approve");
        KAKAOPAY.failures().timeoutDelay(Duration.ofSeconds(3)).fail(Endpoint.APPROVE, FailureMode.TIMEOUT);

        HttpResponse<String> finished = followCallback(callback);

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(status(paymentId)).isEqualTo("APPROVING");
        assertThat(get("/api/payments/" + paymentId + "/result", "en").body())
                .contains("data-status=\"APPROVING\"")
                .contains("http-equiv=\"refresh\"");
        // The browser comes again: approve is not sent a second time.
        assertThat(followCallback(callback).statusCode()).isEqualTo(303);

        await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(status(paymentId)));
        awaitOutboxDrained();
        assertThat(approvedEvents(order.orderId())).hasSize(1);
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isEqualTo(1);
    }

    @Test
    void aRestartBetweenApproveAndTheEventEndsWithExactlyOneEvent() {
        TestOrder order = pendingOrder(41_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        URI callback = pressOnKakaopayPage((String) started.get("redirectUrl"), "approve");
        String pgToken = callback.getQuery().substring("pg_token=".length());
        // The service marked the payment APPROVING and called approve, Kakaopay approved, then the process died
        // before it wrote APPROVED and the event.
        setStatus(paymentId, "APPROVING", Duration.ZERO);
        approveAtKakaopay(tid(paymentId), order, pgToken);
        setStatus(paymentId, "APPROVING", Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(status(paymentId)));

        awaitOutboxDrained();
        List<EventEnvelope> events = approvedEvents(order.orderId());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().payloadAs(PaymentApproved.class).paymentId())
                .isEqualTo(paymentId);
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isEqualTo(1);
        // The buyer's late return changes nothing.
        followCallback(callback);
        awaitOutboxDrained();
        assertThat(approvedEvents(order.orderId())).hasSize(1);
    }

    @Test
    void aKakaopayServerErrorOnApproveThatTookNoMoneyEndsFailed() {
        TestOrder order = pendingOrder(12_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        URI callback = pressOnKakaopayPage((String) started.get("redirectUrl"), "approve");
        KAKAOPAY.failures().fail(Endpoint.APPROVE, FailureMode.SERVER_ERROR);

        followCallback(callback);
        assertThat(status(paymentId)).isEqualTo("APPROVING");

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(paymentId)));
        assertThat(failureReason(paymentId)).isEqualTo("NOT_APPROVED_AT_KAKAOPAY");
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isZero();
        awaitOutboxDrained();
        assertThat(approvedEvents(order.orderId())).isEmpty();
    }

    private void approveAtKakaopay(String tid, TestOrder order, String pgToken) {
        String body = "{\"cid\":\"TC0ONETIME\",\"tid\":\"" + tid + "\",\"partner_order_id\":\"" + order.orderId()
                + "\",\"partner_user_id\":\"" + order.userId() + "\",\"pg_token\":\"" + pgToken + "\"}";
        HttpResponse<String> approved =
                send(HttpRequest.newBuilder(URI.create(KAKAOPAY.baseUrl() + Endpoint.APPROVE.path()))
                        .header("Authorization", "SECRET_KEY " + SECRET_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }
}
