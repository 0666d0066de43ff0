package dev.tarsspeedy.order;

import static dev.tarsspeedy.platform.test.problem.ProblemBundles.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

/**
 * The order service's problems a buyer can cause in a request of their own, in Korean with
 * {@code Accept-Language: ko} and in English with {@code en}: titles, details (with the values they name) and field
 * messages. The types that need an outage or a race (sale-unavailable, order-not-ready) or a query of 200 drops
 * (too-many-drops) are not caused here; ProblemBundlesTest checks their texts in both languages.
 */
class ProblemLanguageIT extends OrderTestBase {

    /** A request that causes a type, and the bundle key and arguments of the detail it must carry. */
    private record Caused(WebTestClient.ResponseSpec response, String detailKey, Object... arguments) {}

    private record Trigger(HttpStatus status, Function<String, Caused> request) {}

    static Stream<Arguments> typesAndLanguages() {
        return Stream.of(
                        "validation",
                        "unauthorized",
                        "drop-not-found",
                        "invalid-idempotency-key",
                        "not-open",
                        "closed",
                        "sold-out",
                        "limit-exceeded",
                        "order-not-found",
                        "order-not-returnable",
                        "order-not-cancellable",
                        "return-window-closed",
                        "invalid-page")
                .flatMap(type -> Stream.of(Arguments.of(type, "ko"), Arguments.of(type, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("typesAndLanguages")
    void everyProblemTypeAnswersInTheReadersLanguage(String type, String language) {
        Trigger trigger = triggers().get(type);
        assertThat(trigger).as("a way to cause %s", type).isNotNull();

        Caused caused = trigger.request().apply(language);
        caused.response().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, language);
        Map<String, Object> problem = assertProblem(caused.response(), trigger.status(), type);

        String title = (String) problem.get("title");
        String detail = (String) problem.get("detail");
        assertThat(title).isEqualTo(text(type + ".title", language));
        if (caused.detailKey() != null) {
            assertThat(detail).isEqualTo(detail(caused, language));
        }
        ProblemBundles.assertInLanguage(problem, language);
    }

    @Test
    void aBadQuantityIsRefusedInBothLanguages() {
        DropChanged drop = publish(DropMother.drop().quantity(10).build());
        UUID buyer = UUID.randomUUID();

        Map<String, Object> korean =
                assertProblem(buyIn(drop.dropId(), buyer, 0, "k", "ko"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(korean)
                .containsEntry("title", "잘못된 요청")
                .containsEntry("detail", "유효하지 않은 필드가 있습니다: quantity.")
                .containsEntry("errors", List.of(Map.of("field", "quantity", "message", "1 이상이어야 합니다")));

        Map<String, Object> english =
                assertProblem(buyIn(drop.dropId(), buyer, 0, "k", "en"), HttpStatus.BAD_REQUEST, "validation");
        assertThat(english)
                .containsEntry("title", "Invalid request")
                .containsEntry("detail", "Some fields are invalid: quantity.")
                .containsEntry(
                        "errors",
                        List.of(Map.of("field", "quantity", "message", "must be greater than or equal to 1")));
    }

    @Test
    void detailsNameTheDropTheLimitAndTheStatusInBothLanguages() {
        UUID unknown = UUID.randomUUID();
        assertThat(assertProblem(
                        buyIn(unknown, UUID.randomUUID(), 1, "k", "ko"), HttpStatus.NOT_FOUND, "drop-not-found"))
                .containsEntry("title", "드롭을 찾을 수 없음")
                .containsEntry("detail", "ID가 " + unknown + "인 드롭이 없습니다.");
        assertThat(assertProblem(
                        buyIn(unknown, UUID.randomUUID(), 1, "k", "en"), HttpStatus.NOT_FOUND, "drop-not-found"))
                .containsEntry("title", "Drop not found")
                .containsEntry("detail", "There is no drop " + unknown + ".");

        DropChanged drop = publish(DropMother.drop().quantity(10).build());
        String longKey = "k".repeat(101);
        assertThat(assertProblem(
                        buyIn(drop.dropId(), UUID.randomUUID(), 1, longKey, "ko"),
                        HttpStatus.BAD_REQUEST,
                        "invalid-idempotency-key"))
                .containsEntry("detail", "Idempotency-Key 헤더는 1자에서 100자 사이여야 합니다.");
        assertThat(assertProblem(
                        buyIn(drop.dropId(), UUID.randomUUID(), 1, longKey, "en"),
                        HttpStatus.BAD_REQUEST,
                        "invalid-idempotency-key"))
                .containsEntry("detail", "The Idempotency-Key header must have 1 to 100 characters.");

        Placed order = placed();
        assertThat(assertProblem(returnOf(order, "ko"), HttpStatus.CONFLICT, "order-not-returnable"))
                .containsEntry("title", "반품할 수 없는 주문")
                .containsEntry("detail", "주문 상태가 PENDING_PAYMENT입니다. 배송이 완료된 주문만 반품할 수 있습니다.");
        assertThat(assertProblem(returnOf(order, "en"), HttpStatus.CONFLICT, "order-not-returnable"))
                .containsEntry("title", "Order cannot be returned")
                .containsEntry("detail", "The order is PENDING_PAYMENT; only a delivered order can be returned.");
    }

    @Test
    void shippedAndLateOrdersAreExplainedInBothLanguages() {
        Placed shipped = placed();
        ship(shipped);
        assertThat(assertProblem(cancelOf(shipped, "ko"), HttpStatus.CONFLICT, "order-not-cancellable"))
                .containsEntry("title", "취소할 수 없는 주문")
                .containsEntry("detail", "주문 상태가 SHIPPING입니다. 배송이 시작되기 전의 주문만 취소할 수 있습니다.");
        assertThat(assertProblem(cancelOf(shipped, "en"), HttpStatus.CONFLICT, "order-not-cancellable"))
                .containsEntry("title", "Order cannot be cancelled")
                .containsEntry("detail", "The order is SHIPPING; only an order that has not shipped can be cancelled.");

        Placed late = placed();
        deliveredLongAgo(late);
        Map<String, Object> korean = assertProblem(returnOf(late, "ko"), HttpStatus.CONFLICT, "return-window-closed");
        assertThat(Instant.parse((String) korean.get("windowClosedAt"))).isBefore(Instant.now());
        assertThat(korean)
                .containsEntry("title", "반품 기간 종료")
                .containsEntry("detail", "이 주문의 반품 가능 기간이 " + korean.get("windowClosedAt") + "에 끝났습니다.");
        Map<String, Object> english = assertProblem(returnOf(late, "en"), HttpStatus.CONFLICT, "return-window-closed");
        assertThat(english)
                .containsEntry("title", "Return window closed")
                .containsEntry(
                        "detail", "The time to return this order ran out at " + english.get("windowClosedAt") + ".");
    }

    private Map<String, Trigger> triggers() {
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        triggers.put("validation", new Trigger(HttpStatus.BAD_REQUEST, language -> {
            DropChanged drop = publish(DropMother.drop().quantity(10).build());
            return new Caused(
                    buyIn(drop.dropId(), UUID.randomUUID(), 0, "k", language), "validation.detail", "quantity");
        }));
        triggers.put(
                "unauthorized",
                new Trigger(
                        HttpStatus.UNAUTHORIZED,
                        language -> new Caused(
                                client().get()
                                        .uri("/api/orders")
                                        .header(
                                                HttpHeaders.AUTHORIZATION,
                                                "Bearer " + JWKS.token("kim", List.of("USER")))
                                        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                                        .exchange(),
                                "unauthorized.no-user")));
        triggers.put("drop-not-found", new Trigger(HttpStatus.NOT_FOUND, language -> {
            UUID unknown = UUID.randomUUID();
            return new Caused(buyIn(unknown, UUID.randomUUID(), 1, "k", language), "drop-not-found.detail", unknown);
        }));
        triggers.put("invalid-idempotency-key", new Trigger(HttpStatus.BAD_REQUEST, language -> {
            DropChanged drop = publish(DropMother.drop().quantity(10).build());
            return new Caused(
                    buyIn(drop.dropId(), UUID.randomUUID(), 1, "", language), "invalid-idempotency-key.detail", 100);
        }));
        triggers.put("not-open", refusal(DropMother.drop().opensIn(Duration.ofHours(1)), 1, "not-open.detail"));
        triggers.put("closed", refusal(DropMother.drop().closedSince(Duration.ofMinutes(1)), 1, "closed.detail"));
        triggers.put("sold-out", refusal(DropMother.drop().quantity(1).limit(5), 2, "sold-out.detail"));
        triggers.put("limit-exceeded", refusal(DropMother.drop().quantity(10).limit(1), 2, "limit-exceeded.detail"));
        triggers.put(
                "order-not-found",
                new Trigger(
                        HttpStatus.NOT_FOUND,
                        language -> new Caused(
                                client().get()
                                        .uri("/api/orders/{id}", UUID.randomUUID())
                                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(UUID.randomUUID()))
                                        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                                        .exchange(),
                                "order-not-found.detail")));
        triggers.put(
                "order-not-returnable",
                new Trigger(
                        HttpStatus.CONFLICT,
                        language -> new Caused(
                                returnOf(placed(), language), "order-not-returnable.detail", "PENDING_PAYMENT")));
        triggers.put("order-not-cancellable", new Trigger(HttpStatus.CONFLICT, language -> {
            Placed order = placed();
            ship(order);
            return new Caused(cancelOf(order, language), "order-not-cancellable.detail", "SHIPPING");
        }));
        // The detail names the closing time; shippedAndLateOrdersAreExplainedInBothLanguages checks it.
        triggers.put("return-window-closed", new Trigger(HttpStatus.CONFLICT, language -> {
            Placed order = placed();
            deliveredLongAgo(order);
            return new Caused(returnOf(order, language), null);
        }));
        triggers.put(
                "invalid-page",
                new Trigger(
                        HttpStatus.BAD_REQUEST,
                        language -> new Caused(
                                client().get()
                                        .uri("/api/orders?page=-1")
                                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(UUID.randomUUID()))
                                        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                                        .exchange(),
                                "invalid-page.detail",
                                100)));
        return triggers;
    }

    /** The bundle's text as the service renders it: formatted when it has arguments, else as it is. */
    private static String detail(Caused caused, String language) {
        String text = text(caused.detailKey(), language);
        return caused.arguments().length == 0
                ? text
                : new MessageFormat(text, Locale.forLanguageTag(language)).format(caused.arguments());
    }

    /** A buy of {@code quantity} in a drop of its own that the sale refuses with the type. */
    private Trigger refusal(DropMother drop, int quantity, String detailKey) {
        return new Trigger(HttpStatus.CONFLICT, language -> {
            DropChanged published = publish(drop.build());
            return new Caused(
                    buyIn(
                            published.dropId(),
                            UUID.randomUUID(),
                            quantity,
                            UUID.randomUUID().toString(),
                            language),
                    detailKey);
        });
    }

    private record Placed(UUID buyer, String orderId) {}

    /** An order of a buyer of its own, stored (PENDING_PAYMENT). */
    private Placed placed() {
        DropChanged drop = publish(DropMother.drop().quantity(10).build());
        UUID buyer = UUID.randomUUID();
        Map<String, Object> accepted = bought(drop.dropId(), buyer, 1);
        awaitOrders(drop.dropId(), 1);
        return new Placed(buyer, accepted.get("orderId").toString());
    }

    /** Moves the order on as the delivery job would, without the job: a shipped order. */
    private void ship(Placed order) {
        database.sql("update customer_order set status = 'SHIPPING' where id = :id")
                .bind("id", UUID.fromString(order.orderId()))
                .fetch()
                .rowsUpdated()
                .block();
    }

    /** An order delivered two days ago: its return window (a day) has closed. */
    private void deliveredLongAgo(Placed order) {
        database.sql("update customer_order set status = 'DELIVERED', delivered_at = :at where id = :id")
                .bind("at", Instant.now().minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC))
                .bind("id", UUID.fromString(order.orderId()))
                .fetch()
                .rowsUpdated()
                .block();
    }

    private WebTestClient.ResponseSpec cancelOf(Placed order, String language) {
        return client().post()
                .uri("/api/orders/{id}/cancel", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(order.buyer()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.ResponseSpec returnOf(Placed order, String language) {
        return client().post()
                .uri("/api/orders/{id}/return", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(order.buyer()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    private WebTestClient.ResponseSpec buyIn(UUID drop, UUID buyer, int quantity, String key, String language) {
        return client().post()
                .uri("/api/drops/{id}/orders", drop)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(buyer))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", quantity))
                .exchange();
    }
}
