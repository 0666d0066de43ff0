package dev.tarsspeedy.payment;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static dev.tarsspeedy.platform.test.problem.ProblemBundles.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.payment.support.OrderStandIn.TestOrder;
import dev.tarsspeedy.payment.support.PaymentTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import dev.tarsspeedy.standin.kakaopay.Endpoint;
import dev.tarsspeedy.standin.kakaopay.FailureMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every problem type of the payment service (every type its bundle titles), and the platform's unauthorized with the
 * service's detail, triggered for real: in Korean with {@code Accept-Language: ko}, in English with {@code en}. The
 * service takes no request body or constrained parameter, so it has no field messages of its own.
 */
class ProblemLanguageIT extends PaymentTestBase {

    /** How to cause a type, its status, and the bundle key of its detail. */
    private record Trigger(HttpStatus status, String detailKey, Function<String, WebTestClient.ResponseSpec> request) {}

    static Stream<Arguments> typesAndLanguages() {
        Stream<String> types =
                Stream.concat(ProblemBundles.types(ProblemBundles.SERVICE).stream(), Stream.of("unauthorized"));
        return types.flatMap(type -> Stream.of(Arguments.of(type, "ko"), Arguments.of(type, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("typesAndLanguages")
    void everyProblemTypeAnswersInTheReadersLanguage(String type, String language) {
        Trigger trigger = triggers().get(type);
        assertThat(trigger).as("a way to cause %s", type).isNotNull();

        WebTestClient.ResponseSpec response = trigger.request().apply(language);
        response.expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, language);
        Map<String, Object> problem = assertProblem(response, trigger.status(), type);

        String title = (String) problem.get("title");
        String detail = (String) problem.get("detail");
        assertThat(title).isEqualTo(text(type + ".title", language));
        assertThat(detail).isEqualTo(text(trigger.detailKey(), language));
        ProblemBundles.assertInLanguage(problem, language);
    }

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

    private Map<String, Trigger> triggers() {
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        triggers.put(
                "order-not-found",
                new Trigger(
                        HttpStatus.NOT_FOUND,
                        "order-not-found.detail",
                        language -> startIn(UUID.randomUUID(), UUID.randomUUID(), language)));
        triggers.put("order-not-payable", new Trigger(HttpStatus.CONFLICT, "order-not-payable.detail", language -> {
            TestOrder paid = paidOrder();
            return startIn(paid.orderId(), paid.userId(), language);
        }));
        triggers.put("order-already-paid", new Trigger(HttpStatus.CONFLICT, "order-already-paid.detail", language -> {
            TestOrder order = pendingOrder(10_000);
            Map<String, Object> started = started(order);
            followCallback(pressOnKakaopayPage((String) started.get("redirectUrl"), "approve"));
            return startIn(order.orderId(), order.userId(), language);
        }));
        triggers.put(
                "payment-not-found",
                new Trigger(
                        HttpStatus.NOT_FOUND,
                        "payment-not-found.detail",
                        language -> client().get()
                                .uri("/api/payments/{id}", UUID.randomUUID())
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(UUID.randomUUID()))
                                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                                .exchange()));
        triggers.put(
                "order-service-unavailable",
                new Trigger(HttpStatus.SERVICE_UNAVAILABLE, "order-service-unavailable.detail", language -> {
                    TestOrder order = pendingOrder(10_000);
                    ORDERS.fail(order.orderId());
                    try {
                        return startIn(order.orderId(), order.userId(), language);
                    } finally {
                        ORDERS.recover(order.orderId());
                    }
                }));
        triggers.put(
                "kakaopay-refused",
                kakaopayFailure(HttpStatus.BAD_GATEWAY, "kakaopay-refused.detail", FailureMode.DECLINE));
        triggers.put(
                "kakaopay-unavailable",
                kakaopayFailure(
                        HttpStatus.SERVICE_UNAVAILABLE, "kakaopay-unavailable.detail", FailureMode.SERVER_ERROR));
        triggers.put(
                "kakaopay-timeout",
                kakaopayFailure(HttpStatus.GATEWAY_TIMEOUT, "kakaopay-timeout.detail", FailureMode.TIMEOUT));
        triggers.put("unauthorized", new Trigger(HttpStatus.UNAUTHORIZED, "unauthorized.no-user", this::noUser));
        return triggers;
    }

    /** Kakaopay's ready call fails once in the given way. */
    private Trigger kakaopayFailure(HttpStatus status, String detailKey, FailureMode mode) {
        return new Trigger(status, detailKey, language -> {
            TestOrder order = pendingOrder(10_000);
            KAKAOPAY.failures().timeoutDelay(Duration.ofSeconds(3)).fail(Endpoint.READY, mode);
            return startIn(order.orderId(), order.userId(), language);
        });
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
        return client().get()
                .uri("/api/payments/{id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + JWKS.token("kim", List.of("USER")))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.ResponseSpec startIn(UUID orderId, UUID userId, String language) {
        return client().post()
                .uri("/api/orders/{orderId}/payment", orderId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(userId))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }
}
