package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemLanguageContract;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Cause;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
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
class ProblemLanguageIT extends OrderTestBase implements ProblemLanguageContract {

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

    @Override
    public ProblemTriggers problemTriggers() {
        return ProblemTriggers.create()
                .computed("validation", HttpStatus.BAD_REQUEST, () -> {
                    DropChanged drop = publish(DropMother.drop().quantity(10).build());
                    return new Cause(
                            buying(drop.dropId(), UUID.randomUUID(), 0, "k"),
                            Detail.of("validation.detail", "quantity"));
                })
                .trigger(
                        "unauthorized",
                        HttpStatus.UNAUTHORIZED,
                        Detail.of("unauthorized.no-user"),
                        () -> client(JWKS.token("kim", List.of("USER"))).get().uri("/api/orders"))
                .computed("drop-not-found", HttpStatus.NOT_FOUND, () -> {
                    UUID unknown = UUID.randomUUID();
                    return new Cause(
                            buying(unknown, UUID.randomUUID(), 1, "k"), Detail.of("drop-not-found.detail", unknown));
                })
                .computed("invalid-idempotency-key", HttpStatus.BAD_REQUEST, () -> {
                    DropChanged drop = publish(DropMother.drop().quantity(10).build());
                    return new Cause(
                            buying(drop.dropId(), UUID.randomUUID(), 1, ""),
                            Detail.of("invalid-idempotency-key.detail", 100));
                })
                .trigger(
                        "not-open",
                        HttpStatus.CONFLICT,
                        refusal(DropMother.drop().opensIn(Duration.ofHours(1)), 1))
                .trigger(
                        "closed", HttpStatus.CONFLICT, refusal(DropMother.drop().closedSince(Duration.ofMinutes(1)), 1))
                .trigger(
                        "sold-out",
                        HttpStatus.CONFLICT,
                        refusal(DropMother.drop().quantity(1).limit(5), 2))
                .trigger(
                        "limit-exceeded",
                        HttpStatus.CONFLICT,
                        refusal(DropMother.drop().quantity(10).limit(1), 2))
                .trigger(
                        "order-not-found",
                        HttpStatus.NOT_FOUND,
                        () -> client(userToken(UUID.randomUUID())).get().uri("/api/orders/{id}", UUID.randomUUID()))
                .trigger(
                        "order-not-returnable",
                        HttpStatus.CONFLICT,
                        Detail.of("order-not-returnable.detail", "PENDING_PAYMENT"),
                        () -> returning(placed()))
                .trigger(
                        "order-not-cancellable",
                        HttpStatus.CONFLICT,
                        Detail.of("order-not-cancellable.detail", "SHIPPING"),
                        () -> {
                            Placed order = placed();
                            ship(order);
                            return cancelling(order);
                        })
                // The detail names the closing time the answer carries; shippedAndLateOrdersAreExplainedInBothLanguages
                // checks it against the clock.
                .trigger(
                        "return-window-closed",
                        HttpStatus.CONFLICT,
                        Detail.fromProblem(
                                "return-window-closed.detail", problem -> new Object[] {problem.get("windowClosedAt")}),
                        () -> {
                            Placed order = placed();
                            deliveredLongAgo(order);
                            return returning(order);
                        })
                .trigger(
                        "invalid-page",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("invalid-page.detail", 100),
                        () -> client(userToken(UUID.randomUUID())).get().uri("/api/orders?page=-1"))
                .coveredElsewhere(
                        "sale-unavailable", "needs Redis down (RedisLossIT); ProblemBundlesTest checks its texts")
                .coveredElsewhere(
                        "order-not-ready", "needs a race with the order writer; ProblemBundlesTest checks its texts")
                .coveredElsewhere("too-many-drops", "needs a query of 200 drops; ProblemBundlesTest checks its texts");
    }

    /** A buy of {@code quantity} in a drop of its own that the sale refuses. */
    private Supplier<WebTestClient.RequestHeadersSpec<?>> refusal(DropMother drop, int quantity) {
        return () -> {
            DropChanged published = publish(drop.build());
            return buying(
                    published.dropId(),
                    UUID.randomUUID(),
                    quantity,
                    UUID.randomUUID().toString());
        };
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
        return cancelling(order).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> cancelling(Placed order) {
        return client(userToken(order.buyer())).post().uri("/api/orders/{id}/cancel", order.orderId());
    }

    private WebTestClient.ResponseSpec returnOf(Placed order, String language) {
        return returning(order).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> returning(Placed order) {
        return client(userToken(order.buyer())).post().uri("/api/orders/{id}/return", order.orderId());
    }

    private WebTestClient.ResponseSpec buyIn(UUID drop, UUID buyer, int quantity, String key, String language) {
        return buying(drop, buyer, quantity, key)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    /** A buy, not yet sent. */
    private WebTestClient.RequestHeadersSpec<?> buying(UUID drop, UUID buyer, int quantity, String key) {
        return client(userToken(buyer))
                .post()
                .uri("/api/drops/{id}/orders", drop)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", quantity));
    }
}
