package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import java.time.Duration;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Refusals before, after and outside a sale: a problem each, and nothing taken. */
class BuyValidationIT extends OrderTestBase {

    @Test
    void beforeOpeningTheAnswerIsNotOpen() {
        DropChanged drop = publish(
                DropMother.drop().opensIn(Duration.ofHours(1)).quantity(10).build());

        Map<String, Object> problem =
                assertProblem(buy(drop.dropId(), UUID.randomUUID(), 1, "k"), HttpStatus.CONFLICT, "not-open");

        assertThat(problem).containsEntry("title", "Drop not open yet");
        assertThat(stock(drop.dropId())).isEqualTo(10);
        assertThat(orders(drop.dropId())).isZero();
    }

    @Test
    void afterClosingTheAnswerIsClosedInEnglishOrKorean() {
        DropChanged drop = publish(DropMother.drop()
                .closedSince(Duration.ofMinutes(1))
                .quantity(10)
                .build());

        assertProblem(buy(drop.dropId(), UUID.randomUUID(), 1, "k"), HttpStatus.CONFLICT, "closed");
        Map<String, Object> korean = assertProblem(
                client().post()
                        .uri("/api/drops/{id}/orders", drop.dropId())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(UUID.randomUUID()))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                        .header("Idempotency-Key", "k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("quantity", 1))
                        .exchange(),
                HttpStatus.CONFLICT,
                "closed");
        assertThat(korean).containsEntry("title", "판매 종료");
        assertThat(stock(drop.dropId())).isEqualTo(10);
    }

    @Test
    void anOperatorStoppingTheSaleClosesIt() {
        DropChanged drop = publish(DropMother.drop().quantity(10).build());
        bought(drop.dropId(), UUID.randomUUID(), 1);

        publish(DropMother.from(drop).stoppedNow().build());

        assertProblem(buy(drop.dropId(), UUID.randomUUID(), 1, "k"), HttpStatus.CONFLICT, "closed");
        assertThat(stock(drop.dropId())).isEqualTo(9);
    }

    static Stream<Arguments> badInput() {
        Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>> one =
                spec -> spec.header("Idempotency-Key", "k").bodyValue(Map.of("quantity", 1));
        return Stream.of(
                Arguments.of(
                        "quantity 0",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>)
                                spec -> spec.header("Idempotency-Key", "k").bodyValue(Map.of("quantity", 0)),
                        "drop",
                        HttpStatus.BAD_REQUEST,
                        "validation"),
                Arguments.of(
                        "quantity -1",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>)
                                spec -> spec.header("Idempotency-Key", "k").bodyValue(Map.of("quantity", -1)),
                        "drop",
                        HttpStatus.BAD_REQUEST,
                        "validation"),
                Arguments.of(
                        "no quantity",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>)
                                spec -> spec.header("Idempotency-Key", "k").bodyValue(Map.of()),
                        "drop",
                        HttpStatus.BAD_REQUEST,
                        "validation"),
                Arguments.of(
                        "above the limit",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>)
                                spec -> spec.header("Idempotency-Key", "k").bodyValue(Map.of("quantity", 3)),
                        "drop",
                        HttpStatus.CONFLICT,
                        "limit-exceeded"),
                Arguments.of(
                        "no Idempotency-Key",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>)
                                spec -> spec.bodyValue(Map.of("quantity", 1)),
                        "drop",
                        HttpStatus.BAD_REQUEST,
                        "missing-value"),
                Arguments.of(
                        "empty Idempotency-Key",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>)
                                spec -> spec.header("Idempotency-Key", "").bodyValue(Map.of("quantity", 1)),
                        "drop",
                        HttpStatus.BAD_REQUEST,
                        "invalid-idempotency-key"),
                Arguments.of(
                        "Idempotency-Key of 101 characters",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>) spec ->
                                spec.header("Idempotency-Key", "k".repeat(101)).bodyValue(Map.of("quantity", 1)),
                        "drop",
                        HttpStatus.BAD_REQUEST,
                        "invalid-idempotency-key"),
                Arguments.of(
                        "malformed JSON",
                        (Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>>)
                                spec -> spec.header("Idempotency-Key", "k").bodyValue("{\"quantity\": "),
                        "drop",
                        HttpStatus.BAD_REQUEST,
                        "malformed-request"),
                Arguments.of("unknown drop", one, "unknown", HttpStatus.NOT_FOUND, "drop-not-found"),
                Arguments.of("drop id not a UUID", one, "not-a-uuid", HttpStatus.BAD_REQUEST, "bad-request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemAndTakesNothing(
            String name,
            Function<WebTestClient.RequestBodySpec, WebTestClient.RequestHeadersSpec<?>> request,
            String target,
            HttpStatus status,
            String type) {
        DropChanged drop = publish(DropMother.drop().quantity(10).limit(2).build());
        String path = switch (target) {
            case "drop" -> drop.dropId().toString();
            case "unknown" -> UUID.randomUUID().toString();
            default -> target;
        };

        WebTestClient.RequestBodySpec spec = client().post()
                .uri("/api/drops/" + path + "/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON);
        WebTestClient.ResponseSpec response = request.apply(spec).exchange();

        Map<String, Object> problem = assertProblem(response, status, type);
        if (status == HttpStatus.BAD_REQUEST) {
            assertThat(problem).containsKey("detail");
        }
        assertThat(stock(drop.dropId())).isEqualTo(10);
        assertThat(redis.opsForHash().size("drop:{" + drop.dropId() + "}:idem")).isZero();
        assertThat(orders(drop.dropId())).isZero();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        DropChanged drop = publish(DropMother.drop().quantity(10).build());

        assertProblem(
                client().post()
                        .uri("/api/drops/{id}/orders", drop.dropId())
                        .header("Idempotency-Key", "k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("quantity", 1))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
        assertThat(stock(drop.dropId())).isEqualTo(10);
    }
}
