package dev.tarsspeedy.standin.kakaopay;

import static dev.tarsspeedy.standin.kakaopay.KakaopayStandInApiTest.assertError;
import static dev.tarsspeedy.standin.kakaopay.StandInClient.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures switched on through the Java API and the HTTP control endpoint. */
class KakaopayStandInFailuresTest {

    private KakaopayStandIn standIn;
    private StandInClient client;

    @BeforeEach
    void start() {
        standIn = KakaopayStandIn.start(0, KEY);
        client = new StandInClient(standIn);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void declineFailsTheApproveOnceAndTheTransactionWithIt() {
        String tid = client.ready("order-f1", "user-f1", 5_000);
        String pgToken = standIn.authorize(tid);
        standIn.failures().fail(Endpoint.APPROVE, FailureMode.DECLINE, 1);

        var error = assertError(client.approve(tid, "order-f1", "user-f1", pgToken), 400, -780);

        assertThat(error.get("extras").get("method_result_code").asString()).isEqualTo("DECLINED");
        assertThat(client.order(tid).json().get("status").asString()).isEqualTo("FAIL_PAYMENT");
        String other = client.ready("order-f1b", "user-f1", 5_000);
        assertThat(client.approve(other, "order-f1b", "user-f1", standIn.authorize(other))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void serverErrorAnswers500AndDoesNothing() {
        standIn.failures().fail(Endpoint.READY, FailureMode.SERVER_ERROR, 2);

        assertThat(client.post(Endpoint.READY, StandInClient.readyBody("o", "u", 1_000))
                        .status())
                .isEqualTo(500);
        assertThat(client.post(Endpoint.READY, StandInClient.readyBody("o", "u", 1_000))
                        .status())
                .isEqualTo(500);
        assertThat(standIn.paymentsOfOrder("o")).isEmpty();
        assertThat(client.post(Endpoint.READY, StandInClient.readyBody("o", "u", 1_000))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void timeoutCarriesTheApproveOutButAnswersTooLate() {
        String tid = client.ready("order-f3", "user-f3", 5_000);
        String pgToken = standIn.authorize(tid);
        standIn.failures().timeoutDelay(Duration.ofSeconds(3)).fail(Endpoint.APPROVE, FailureMode.TIMEOUT);

        Map<String, Object> body = Map.of(
                "cid",
                KakaopayStandIn.TEST_CID,
                "tid",
                tid,
                "partner_order_id",
                "order-f3",
                "partner_user_id",
                "user-f3",
                "pg_token",
                pgToken);
        assertThatThrownBy(
                        () -> client.post(Endpoint.APPROVE.path(), "SECRET_KEY " + KEY, body, Duration.ofMillis(500)))
                .hasRootCauseInstanceOf(HttpTimeoutException.class);

        assertThat(client.order(tid).json().get("status").asString()).isEqualTo("SUCCESS_PAYMENT");
        assertThat(standIn.payment(tid).orElseThrow().approvals()).isEqualTo(1);
    }

    @Test
    void theControlEndpointSwitchesFailuresOnAndOff() {
        var armed = client.post(
                KakaopayStandIn.CONTROL, null, Map.of("ready", "SERVER_ERROR", "times", 1), Duration.ofSeconds(5));
        assertThat(armed.status()).isEqualTo(200);
        assertThat(client.post(Endpoint.READY, StandInClient.readyBody("o", "u", 1_000))
                        .status())
                .isEqualTo(500);
        assertThat(client.post(Endpoint.READY, StandInClient.readyBody("o", "u", 1_000))
                        .status())
                .isEqualTo(200);

        client.post(KakaopayStandIn.CONTROL, null, Map.of("approve", "DECLINE", "times", 5), Duration.ofSeconds(5));
        client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(standIn.baseUrl() + KakaopayStandIn.CONTROL))
                        .DELETE()
                        .build());
        String tid = client.ready("order-f4", "user-f4", 5_000);
        assertThat(client.approve(tid, "order-f4", "user-f4", standIn.authorize(tid))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theControlEndpointRefusesUnknownModes() {
        var answer = client.post(KakaopayStandIn.CONTROL, null, Map.of("approve", "EXPLODE"), Duration.ofSeconds(5));
        assertThat(answer.status()).isEqualTo(400);
        var empty = client.post(KakaopayStandIn.CONTROL, null, Map.of("times", 2), Duration.ofSeconds(5));
        assertThat(empty.status()).isEqualTo(400);
    }
}
