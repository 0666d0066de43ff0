package dev.tarsspeedy.payment.checkout;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.payment.support.OrderStandIn.TestOrder;
import dev.tarsspeedy.payment.support.PaymentTestBase;
import dev.tarsspeedy.standin.kakaopay.Endpoint;
import dev.tarsspeedy.standin.kakaopay.FailureMode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Every way a payment can go wrong ends in a clear state, and nobody is charged twice (or at all, when refused). */
class PaymentFailuresIT extends PaymentTestBase {

    @Test
    void aDeclinedPaymentFailsAndTheOrderCanBePaidAgain() {
        TestOrder order = pendingOrder(20_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        URI callback = pressOnKakaopayPage((String) started.get("redirectUrl"), "approve");
        KAKAOPAY.failures().fail(Endpoint.APPROVE, FailureMode.DECLINE);

        HttpResponse<String> finished = followCallback(callback);

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(failureReason(paymentId)).isEqualTo("KAKAOPAY_-780_DECLINED");
        assertThat(get(finished.headers().firstValue("Location").orElseThrow(), "en")
                        .body())
                .contains("data-status=\"FAILED\"")
                .contains("Nothing was charged");
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isZero();

        Map<String, Object> again = started(order);
        assertThat(again.get("paymentId")).isNotEqualTo(started.get("paymentId"));
        awaitOutboxDrained();
        assertThat(approvedEvents(order.orderId())).isEmpty();
    }

    @Test
    void aPaymentCancelledOnKakaopaysPageIsCancelled() {
        TestOrder order = pendingOrder(20_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);

        URI callback = pressOnKakaopayPage((String) started.get("redirectUrl"), "cancel");
        assertThat(callback.getPath()).isEqualTo("/api/payments/" + paymentId + "/cancel");
        HttpResponse<String> finished = followCallback(callback);

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(status(paymentId)).isEqualTo("CANCELLED");
        assertThat(get("/api/payments/" + paymentId + "/result", "ko").body()).contains("결제를 취소했습니다");
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().status()).isEqualTo("QUIT_PAYMENT");
        awaitOutboxDrained();
        assertThat(approvedEvents(order.orderId())).isEmpty();
    }

    @Test
    void aCallbackWithAWrongPgTokenFailsThePaymentAndTakesNoMoney() {
        TestOrder order = pendingOrder(20_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        URI real = pressOnKakaopayPage((String) started.get("redirectUrl"), "approve");

        HttpResponse<String> forged =
                followCallback(URI.create("http://gateway.test" + real.getPath() + "?pg_token=forged0123456789"));

        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(failureReason(paymentId)).isEqualTo("KAKAOPAY_-780_INVALID_PG_TOKEN");
        // Kakaopay failed the transaction too: the real token no longer approves anything.
        followCallback(real);
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isZero();
    }

    @Test
    void aDoubleCallbackApprovesOnceAndShowsTheSameResult() throws Exception {
        TestOrder order = pendingOrder(20_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        URI callback = pressOnKakaopayPage((String) started.get("redirectUrl"), "approve");

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> followCallback(callback));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> followCallback(callback));
        HttpResponse<String> third = followCallback(callback);

        for (HttpResponse<String> answer : List.of(first.get(), second.get(), third)) {
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).hasValue("/api/payments/" + paymentId + "/result");
        }
        assertThat(status(paymentId)).isEqualTo("APPROVED");
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isEqualTo(1);
        awaitOutboxDrained();
        assertThat(approvedEvents(order.orderId())).hasSize(1);
    }

    @Test
    void aCallbackBeforeTheBuyerAuthenticatedLeavesThePaymentWaiting() {
        TestOrder order = pendingOrder(20_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);

        followCallback(URI.create("http://gateway.test/api/payments/" + paymentId + "/approve?pg_token=early"));
        assertThat(status(paymentId)).isEqualTo("READY");

        followCallback(pressOnKakaopayPage((String) started.get("redirectUrl"), "approve"));
        assertThat(status(paymentId)).isEqualTo("APPROVED");
    }

    @Test
    void anApprovalAfterTheOrderExpiredIsNeverSentToKakaopay() {
        TestOrder order = pendingOrder(20_000);
        Map<String, Object> started = started(order);
        UUID paymentId = paymentId(started);
        URI callback = pressOnKakaopayPage((String) started.get("redirectUrl"), "approve");
        database.sql("update payment set order_expires_at = now() - interval '1 second' where id = :id")
                .bind("id", paymentId)
                .fetch()
                .rowsUpdated()
                .block();

        HttpResponse<String> finished = followCallback(callback);

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(failureReason(paymentId)).isEqualTo("ORDER_EXPIRED");
        assertThat(get("/api/payments/" + paymentId + "/result", "en").body()).contains("time to pay");
        assertThat(KAKAOPAY.payment(tid(paymentId)).orElseThrow().approvals()).isZero();
    }

    @Test
    void theFailCallbackFailsThePayment() {
        TestOrder order = pendingOrder(20_000);
        UUID paymentId = paymentId(started(order));

        HttpResponse<String> finished =
                followCallback(URI.create("http://gateway.test/api/payments/" + paymentId + "/fail"));

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(failureReason(paymentId)).isEqualTo("FAIL_URL");
    }

    @Test
    void kakaopayErrorsOnReadyAreProblemsAndStartNothing() {
        TestOrder order = pendingOrder(20_000);

        KAKAOPAY.failures().fail(Endpoint.READY, FailureMode.SERVER_ERROR);
        assertProblem(
                startPayment(order.orderId(), order.userId()), HttpStatus.SERVICE_UNAVAILABLE, "kakaopay-unavailable");

        KAKAOPAY.failures().fail(Endpoint.READY, FailureMode.DECLINE);
        Map<String, Object> refused = assertProblem(
                startPayment(order.orderId(), order.userId()), HttpStatus.BAD_GATEWAY, "kakaopay-refused");
        assertThat(refused).containsEntry("kakaopayErrorCode", -780);

        KAKAOPAY.failures().timeoutDelay(Duration.ofSeconds(3)).fail(Endpoint.READY, FailureMode.TIMEOUT);
        assertProblem(startPayment(order.orderId(), order.userId()), HttpStatus.GATEWAY_TIMEOUT, "kakaopay-timeout");

        assertThat(count("select count(*) from payment where order_id = '" + order.orderId() + "'"))
                .isZero();
        assertThat(paymentId(started(order))).isNotNull();
    }
}
