package dev.tarsspeedy.standin.kakaopay;

import static dev.tarsspeedy.standin.kakaopay.StandInClient.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.standin.kakaopay.StandInClient.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each endpoint's happy path and each check's refusal, in Kakaopay's error shape. */
class KakaopayStandInApiTest {

    private final MovableClock clock = new MovableClock();
    private KakaopayStandIn standIn;
    private StandInClient client;

    @BeforeEach
    void start() {
        standIn = KakaopayStandIn.start(0, KEY, clock);
        client = new StandInClient(standIn);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void healthAnswersOnceServing() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(standIn.baseUrl() + "/__stand-in/health"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    @Test
    void readyAnswersTidAndTheRedirectUrls() {
        Answer answer = client.post(Endpoint.READY, StandInClient.readyBody("order-1", "user-1", 12_000));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        String tid = json.get("tid").asString();
        assertThat(tid).startsWith("T");
        assertThat(json.get("next_redirect_pc_url").asString())
                .isEqualTo(standIn.baseUrl() + "/online/v1/payment/pages/" + tid);
        assertThat(json.get("next_redirect_mobile_url").asString()).startsWith(standIn.baseUrl());
        assertThat(json.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(standIn.payment(tid))
                .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo("READY"));
    }

    @Test
    void approveAfterTheBuyerAuthenticatedTakesThePayment() {
        String tid = client.ready("order-2", "user-2", 15_000);
        String pgToken = standIn.authorize(tid);

        Answer answer = client.approve(tid, "order-2", "user-2", pgToken);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("aid").asString()).isNotBlank();
        assertThat(json.get("tid").asString()).isEqualTo(tid);
        assertThat(json.get("partner_order_id").asString()).isEqualTo("order-2");
        assertThat(json.get("payment_method_type").asString()).isEqualTo("MONEY");
        assertThat(json.get("amount").get("total").asLong()).isEqualTo(15_000);
        assertThat(json.get("amount").get("vat").asLong()).isEqualTo(1_364);
        assertThat(json.get("approved_at").asString()).isNotBlank();
        assertThat(client.order(tid).json().get("status").asString()).isEqualTo("SUCCESS_PAYMENT");
    }

    @Test
    void orderReportsEveryStep() {
        String tid = client.ready("order-3", "user-3", 9_000);
        assertThat(client.order(tid).json().get("status").asString()).isEqualTo("READY");
        client.approve(tid, "order-3", "user-3", standIn.authorize(tid));
        client.cancel(tid, 4_000);

        JsonNode order = client.order(tid).json();

        assertThat(order.get("status").asString()).isEqualTo("PART_CANCEL_PAYMENT");
        assertThat(order.get("amount").get("total").asLong()).isEqualTo(9_000);
        assertThat(order.get("canceled_amount").get("total").asLong()).isEqualTo(4_000);
        assertThat(order.get("cancel_available_amount").get("total").asLong()).isEqualTo(5_000);
        assertThat(order.get("payment_action_details")).hasSize(2);
        assertThat(order.get("payment_action_details")
                        .get(1)
                        .get("payment_action_type")
                        .asString())
                .isEqualTo("CANCEL");
    }

    @Test
    void cancelGivesBackUpToWhatWasApprovedAndNoMore() {
        String tid = client.ready("order-4", "user-4", 10_000);
        client.approve(tid, "order-4", "user-4", standIn.authorize(tid));

        Answer part = client.cancel(tid, 3_000);
        assertThat(part.status()).isEqualTo(200);
        assertThat(part.json().get("status").asString()).isEqualTo("PART_CANCEL_PAYMENT");
        assertThat(part.json().get("approved_cancel_amount").get("total").asLong())
                .isEqualTo(3_000);

        assertError(client.cancel(tid, 7_001), 400, -798);

        Answer rest = client.cancel(tid, 7_000);
        assertThat(rest.json().get("status").asString()).isEqualTo("CANCEL_PAYMENT");
        assertThat(rest.json().get("cancel_available_amount").get("total").asLong())
                .isZero();
        assertThat(rest.json().get("canceled_amount").get("vat").asLong()).isEqualTo(909);

        assertError(client.cancel(tid, 1), 400, -798);
        assertThat(standIn.payment(tid).orElseThrow().cancels()).isEqualTo(2);
    }

    @Test
    void cancelOfAPaymentNotApprovedIsRefused() {
        String tid = client.ready("order-5", "user-5", 10_000);
        assertError(client.cancel(tid, 10_000), 400, -798);
    }

    @Test
    void wrongOrMissingSecretKeyIs401() {
        Map<String, Object> body = StandInClient.readyBody("o", "u", 1_000);
        assertError(client.post(Endpoint.READY.path(), "SECRET_KEY wrong", body, Duration.ofSeconds(5)), 401, -401);
        assertError(client.post(Endpoint.READY.path(), null, body, Duration.ofSeconds(5)), 401, -401);
        assertError(client.post(Endpoint.READY.path(), "KakaoAK " + KEY, body, Duration.ofSeconds(5)), 401, -401);
    }

    @Test
    void unknownCidIsRefused() {
        Map<String, Object> body = StandInClient.readyBody("o", "u", 1_000);
        body.put("cid", "TCSUBSCRIP");
        assertError(client.post(Endpoint.READY, body), 400, -3);
    }

    @Test
    void readyChecksItsFields() {
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of(
                        "total_amount",
                        0,
                        "tax_free_amount",
                        2_000,
                        "quantity",
                        0,
                        "approval_url",
                        "/relative",
                        "partner_order_id",
                        "",
                        "item_name",
                        "x".repeat(101))
                .entrySet()) {
            Map<String, Object> body = StandInClient.readyBody("o", "u", 1_000);
            body.put(wrong.getKey(), wrong.getValue());
            assertError(client.post(Endpoint.READY, body), 400, -2);
        }
        Map<String, Object> missing = StandInClient.readyBody("o", "u", 1_000);
        missing.remove("fail_url");
        assertError(client.post(Endpoint.READY, missing), 400, -2);
        assertError(
                client.post(Endpoint.READY.path(), "SECRET_KEY " + KEY, "not json", Duration.ofSeconds(5)), 400, -2);
    }

    @Test
    void approveBeforeTheBuyerAuthenticatedIs701() {
        String tid = client.ready("order-6", "user-6", 5_000);
        assertError(client.approve(tid, "order-6", "user-6", "0123456789abcdef0123"), 400, -701);
        assertThat(standIn.payment(tid).orElseThrow().status()).isEqualTo("READY");
    }

    @Test
    void approveWithAWrongPgTokenFailsThePayment() {
        String tid = client.ready("order-7", "user-7", 5_000);
        String pgToken = standIn.authorize(tid);

        JsonNode error = assertError(client.approve(tid, "order-7", "user-7", "wrong-token"), 400, -780);
        assertThat(error.get("extras").get("method_result_code").asString()).isEqualTo("INVALID_PG_TOKEN");

        assertError(client.approve(tid, "order-7", "user-7", pgToken), 400, -780);
        assertThat(standIn.payment(tid).orElseThrow().status()).isEqualTo("FAIL_PAYMENT");
        assertThat(standIn.payment(tid).orElseThrow().approvals()).isZero();
    }

    @Test
    void approveWithOtherPartnerIdsIsRefused() {
        String tid = client.ready("order-8", "user-8", 5_000);
        String pgToken = standIn.authorize(tid);
        assertError(client.approve(tid, "order-8", "someone-else", pgToken), 400, -726);
        assertError(client.approve(tid, "other-order", "user-8", pgToken), 400, -726);
        assertThat(client.approve(tid, "order-8", "user-8", pgToken).status()).isEqualTo(200);
    }

    @Test
    void approveTwiceIsRefused() {
        String tid = client.ready("order-9", "user-9", 5_000);
        String pgToken = standIn.authorize(tid);
        assertThat(client.approve(tid, "order-9", "user-9", pgToken).status()).isEqualTo(200);

        assertError(client.approve(tid, "order-9", "user-9", pgToken), 400, -702);
        assertThat(standIn.payment(tid).orElseThrow().approvals()).isEqualTo(1);
    }

    @Test
    void approveWithAnotherAmountIsRefused() {
        String tid = client.ready("order-10", "user-10", 5_000);
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "cid",
                KakaopayStandIn.TEST_CID,
                "tid",
                tid,
                "partner_order_id",
                "order-10",
                "partner_user_id",
                "user-10",
                "pg_token",
                standIn.authorize(tid),
                "total_amount",
                4_000));
        assertError(client.post(Endpoint.APPROVE, body), 400, -780);
    }

    @Test
    void unknownTidIs721() {
        assertError(client.order("T-does-not-exist"), 400, -721);
        assertError(client.approve("T-does-not-exist", "o", "u", "t"), 400, -721);
        assertError(client.cancel("T-does-not-exist", 1), 400, -721);
    }

    @Test
    void aReadyTransactionExpiresAfterFifteenMinutes() {
        String tid = client.ready("order-11", "user-11", 5_000);
        String pgToken = standIn.authorize(tid);
        clock.advance(KakaopayStandIn.READY_LIFETIME);

        assertError(client.approve(tid, "order-11", "user-11", pgToken), 400, -723);
        assertThat(standIn.payment(tid).orElseThrow().approvals()).isZero();
    }

    @Test
    void onlyPostIsAllowedAndUnknownPathsAre404() {
        assertThat(client.get(standIn.baseUrl() + Endpoint.READY.path()).statusCode())
                .isEqualTo(405);
        assertThat(client.get(standIn.baseUrl() + "/online/v1/payment/nothing").statusCode())
                .isEqualTo(404);
    }

    static JsonNode assertError(Answer answer, int status, int code) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.json().get("error_code").asInt())
                .as(answer.raw().body())
                .isEqualTo(code);
        assertThat(answer.json().get("error_message").asString()).isNotBlank();
        return answer.json();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
