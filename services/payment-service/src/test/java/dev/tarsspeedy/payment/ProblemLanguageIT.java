package dev.tarsspeedy.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.payment.support.OrderStandIn.TestOrder;
import dev.tarsspeedy.payment.support.PaymentTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemLanguageContract;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Cause;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import dev.tarsspeedy.standin.kakaopay.Endpoint;
import dev.tarsspeedy.standin.kakaopay.FailureMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every problem type of the payment service (every type its bundle titles), and the platform's unauthorized with the
 * service's detail, triggered for real: in Korean with {@code Accept-Language: ko}, in English with {@code en}. The
 * service takes no request body or constrained parameter, so it has no field messages of its own.
 */
class ProblemLanguageIT extends PaymentTestBase implements ProblemLanguageContract {

    @Test
    void anOrderThatCannotBePaidIsExplainedInBothLanguages() {
        TestOrder paid = paidOrder();

        Map<String, Object> korean =
                assertProblem(startIn(paid.orderId(), paid.userId(), "ko"), HttpStatus.CONFLICT, "order-not-payable");
        assertThat(korean)
                .containsEntry("title", "결제할 수 없는 주문")
                .containsEntry("detail", "결제를 기다리는 주문이 아니거나 결제 시간이 지났습니다.")
                .containsEntry("orderStatus", "PAID");

        Map<String, Object> english =
                assertProblem(startIn(paid.orderId(), paid.userId(), "en"), HttpStatus.CONFLICT, "order-not-payable");
        assertThat(english)
                .containsEntry("title", "Order cannot be paid")
                .containsEntry("detail", "This order is not waiting for payment, or its time to pay has run out.")
                .containsEntry("orderStatus", "PAID");
    }

    @Test
    void aTokenWithoutAUserIsExplainedInBothLanguages() {
        assertThat(assertProblem(noUser("ko"), HttpStatus.UNAUTHORIZED, "unauthorized"))
                .containsEntry("title", "인증 필요")
                .containsEntry("detail", "토큰에 사용자 정보가 없습니다.");
        assertThat(assertProblem(noUser("en"), HttpStatus.UNAUTHORIZED, "unauthorized"))
                .containsEntry("title", "Authentication required")
                .containsEntry("detail", "The token names no user.");
    }

    @Override
    public ProblemTriggers problemTriggers() {
        return ProblemTriggers.create()
                .trigger("order-not-found", HttpStatus.NOT_FOUND, () -> starting(UUID.randomUUID(), UUID.randomUUID()))
                .trigger("order-not-payable", HttpStatus.CONFLICT, () -> {
                    TestOrder paid = paidOrder();
                    return starting(paid.orderId(), paid.userId());
                })
                .trigger("order-already-paid", HttpStatus.CONFLICT, () -> {
                    TestOrder order = pendingOrder(10_000);
                    Map<String, Object> started = started(order);
                    followCallback(pressOnKakaopayPage((String) started.get("redirectUrl"), "approve"));
                    return starting(order.orderId(), order.userId());
                })
                .trigger(
                        "payment-not-found",
                        HttpStatus.NOT_FOUND,
                        () -> client(userToken(UUID.randomUUID())).get().uri("/api/payments/{id}", UUID.randomUUID()))
                .computed("order-service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, () -> {
                    TestOrder order = pendingOrder(10_000);
                    ORDERS.fail(order.orderId());
                    return new Cause(
                            starting(order.orderId(), order.userId()),
                            Detail.of("order-service-unavailable.detail"),
                            () -> ORDERS.recover(order.orderId()));
                })
                .computed(
                        "kakaopay-refused",
                        HttpStatus.BAD_GATEWAY,
                        kakaopayFailure("kakaopay-refused", FailureMode.DECLINE))
                .computed(
                        "kakaopay-unavailable",
                        HttpStatus.SERVICE_UNAVAILABLE,
                        kakaopayFailure("kakaopay-unavailable", FailureMode.SERVER_ERROR))
                .computed(
                        "kakaopay-timeout",
                        HttpStatus.GATEWAY_TIMEOUT,
                        kakaopayFailure("kakaopay-timeout", FailureMode.TIMEOUT))
                .trigger(
                        "unauthorized",
                        HttpStatus.UNAUTHORIZED,
                        Detail.of("unauthorized.no-user"),
                        this::noUserRequest);
    }

    /** Kakaopay's ready call fails once in the given way (and no more once the answer is in). */
    private Supplier<Cause> kakaopayFailure(String type, FailureMode mode) {
        return () -> {
            TestOrder order = pendingOrder(10_000);
            KAKAOPAY.failures().timeoutDelay(Duration.ofSeconds(3)).fail(Endpoint.READY, mode);
            return new Cause(
                    starting(order.orderId(), order.userId()),
                    Detail.of(type + ".detail"),
                    () -> KAKAOPAY.failures().clear());
        };
    }

    /** An order the order service says is already paid. */
    private static TestOrder paidOrder() {
        return ORDERS.put(new TestOrder(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "PAID",
                5_000,
                "한정판 스니커즈",
                1,
                Instant.now().plusSeconds(600)));
    }

    private WebTestClient.ResponseSpec noUser(String language) {
        return noUserRequest().header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
    }

    /** A token that names no user. */
    private WebTestClient.RequestHeadersSpec<?> noUserRequest() {
        return client(JWKS.token("kim", List.of("USER"))).get().uri("/api/payments/{id}", UUID.randomUUID());
    }

    private WebTestClient.ResponseSpec startIn(UUID orderId, UUID userId, String language) {
        return starting(orderId, userId)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> starting(UUID orderId, UUID userId) {
        return client(userToken(userId)).post().uri("/api/orders/{orderId}/payment", orderId);
    }
}
