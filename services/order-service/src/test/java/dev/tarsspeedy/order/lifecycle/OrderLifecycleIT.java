package dev.tarsspeedy.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.test.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Payments, refunds, cancel of paid orders, delivery steps and returns (docs/order-lifecycle.md), against real
 * PostgreSQL, Redis and Kafka; the payment service's events are published as it would.
 */
class OrderLifecycleIT extends OrderTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    OrderService orders;

    @Autowired
    DeliveryJob delivery;

    /** A stored order of a buyer with an address. */
    record Placed(UUID drop, UUID buyer, String orderId, String email, Instant expiresAt) {}

    private Placed place(int quantity, String acceptLanguage) {
        DropChanged drop = publish(DropMother.drop().quantity(5).limit(3).build());
        UUID buyer = UUID.randomUUID();
        String email = "buyer-" + buyer.toString().substring(0, 8) + "@example.com";
        Map<String, Object> accepted = client().post()
                .uri("/api/drops/{id}/orders", drop.dropId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(buyer, Map.of("email", email)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", quantity))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        awaitOrders(drop.dropId(), 1);
        return new Placed(
                drop.dropId(),
                buyer,
                accepted.get("orderId").toString(),
                email,
                Instant.parse(accepted.get("expiresAt").toString()));
    }

    private EventEnvelope approved(Placed order, UUID paymentId, Instant approvedAt) {
        return EventEnvelope.of(
                PaymentApproved.TYPE,
                PaymentApproved.VERSION,
                order.orderId(),
                new PaymentApproved(paymentId, UUID.fromString(order.orderId()), order.buyer(), 10_000, approvedAt));
    }

    private void send(String topic, EventEnvelope event) {
        try {
            kafka.send(topic, event.key(), event.toJson()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitProcessed(String consumer, EventEnvelope event) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count(
                                "select count(*) from processed_event where consumer = :c and event_id = :e",
                                "c",
                                consumer,
                                "e",
                                event.id())
                        == 1);
    }

    /** Pays the order (one PaymentApproved) and waits until it is PAID. */
    private UUID pay(Placed order) {
        UUID paymentId = UUID.randomUUID();
        EventEnvelope event = approved(order, paymentId, Instant.now());
        send(PaymentApproved.TOPIC, event);
        awaitProcessed("order-service-payments", event);
        assertThat(statusOf(order.orderId())).isEqualTo("PAID");
        return paymentId;
    }

    private long outbox(String type, String orderId) {
        return count(
                "select count(*) from outbox_event where type = :t and (event_key = :k or payload->>'orderId' = :k)",
                "t",
                type,
                "k",
                orderId);
    }

    private List<EmailRequested> emailsOnTopic(String orderId) {
        return TopicReader.readAll(EmailRequested.TOPIC, new StringDeserializer(), WAIT).stream()
                .map(record -> EventEnvelope.fromJson(record.value()).payloadAs(EmailRequested.class))
                .filter(email -> orderId.equals(email.model().get("orderId")))
                .toList();
    }

    private List<RefundRequested> refundsOnTopic(String orderId) {
        return TopicReader.readAll(RefundRequested.TOPIC, new StringDeserializer(), WAIT).stream()
                .map(record -> EventEnvelope.fromJson(record.value()).payloadAs(RefundRequested.class))
                .filter(refund -> refund.orderId().toString().equals(orderId))
                .toList();
    }

    /** Waits until the outbox published everything of the order, then reads the topic. */
    private <T> List<T> published(String orderId, Supplier<List<T>> read) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count(
                                "select count(*) from outbox_event where published_at is null"
                                        + " and (event_key = :k or payload->>'orderId' = :k)",
                                "k",
                                orderId)
                        == 0);
        return read.get();
    }

    private Map<String, Object> view(Placed order) {
        return client().get()
                .uri("/api/orders/{id}", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(order.buyer()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> history(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("history"))
                .stream().map(entry -> entry.get("status").toString()).toList();
    }

    private void deliverConcurrently(Placed order) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(30)).until(() -> {
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(delivery::deliver);
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(delivery::deliver);
            one.join();
            two.join();
            return "DELIVERED".equals(statusOf(order.orderId()));
        });
    }

    @Test
    void paymentApprovedMakesTheOrderPaidAndSendsOneConfirmation() {
        Placed order = place(2, "ko-KR,ko;q=0.9,en;q=0.8");
        assertThat(database.sql("select buyer_email, locale from customer_order where id = :id")
                        .bind("id", UUID.fromString(order.orderId()))
                        .map(row -> row.get(0, String.class) + "|" + row.get(1, String.class))
                        .one()
                        .block())
                .isEqualTo(order.email() + "|ko");
        UUID paymentId = UUID.randomUUID();
        EventEnvelope event = approved(order, paymentId, Instant.now());

        send(PaymentApproved.TOPIC, event);
        send(PaymentApproved.TOPIC, event);
        // The same payment in a new envelope (a resend by the payment service): nothing more either.
        EventEnvelope again = approved(order, paymentId, Instant.now());
        send(PaymentApproved.TOPIC, again);
        awaitProcessed("order-service-payments", event);
        awaitProcessed("order-service-payments", again);

        assertThat(statusOf(order.orderId())).isEqualTo("PAID");
        Map<String, Object> view = view(order);
        assertThat(view.get("status")).isEqualTo("PAID");
        assertThat(view.get("paidAt")).isNotNull();
        assertThat(history(view)).containsExactly("PENDING_PAYMENT", "PAID");
        assertThat(outbox("OrderPaid", order.orderId())).isEqualTo(1);
        assertThat(outbox("RefundRequested", order.orderId())).isZero();
        List<EmailRequested> emails = published(order.orderId(), () -> emailsOnTopic(order.orderId()));
        assertThat(emails).hasSize(1);
        EmailRequested confirmation = emails.getFirst();
        assertThat(confirmation.template()).isEqualTo("order-confirmed");
        assertThat(confirmation.idempotencyKey()).isEqualTo("order:confirmed:" + order.orderId());
        assertThat(confirmation.locale()).isEqualTo("ko");
        assertThat(confirmation.to()).isEqualTo(order.email());
        assertThat(confirmation.model())
                .containsEntry("name", order.email().substring(0, order.email().indexOf('@')))
                .containsKeys("item", "amount");
        // Units stay taken by a paid order.
        assertThat(stock(order.drop())).isEqualTo(3);
        assertThat(sold(order.drop())).isEqualTo(2);
    }

    @Test
    void paymentApprovedAfterExpiryIsRefundedAndTheStockCountedOnce() {
        Placed order = place(2, "en");
        assertThat(stock(order.drop())).isEqualTo(3);
        UUID paymentId = UUID.randomUUID();
        // Kakaopay approved after the hold ended; the expiry job has not run yet.
        EventEnvelope event = approved(order, paymentId, order.expiresAt().plusSeconds(1));

        send(PaymentApproved.TOPIC, event);
        awaitProcessed("order-service-payments", event);
        EventEnvelope again = approved(order, paymentId, order.expiresAt().plusSeconds(2));
        send(PaymentApproved.TOPIC, again);
        awaitProcessed("order-service-payments", again);

        assertThat(statusOf(order.orderId())).isEqualTo("EXPIRED");
        assertThat(stock(order.drop())).isEqualTo(5);
        assertThat(sold(order.drop())).isZero();
        assertThat(held(order.drop())).isEmpty();
        // The expiry job finds nothing more to give back.
        assertThat(orders.expire(
                                dev.tarsspeedy.order.OrderId.parse(order.orderId()),
                                order.expiresAt().plusSeconds(60))
                        .block())
                .isFalse();
        assertThat(stock(order.drop())).isEqualTo(5);
        assertThat(outbox("OrderExpired", order.orderId())).isEqualTo(1);
        assertThat(outbox("OrderPaid", order.orderId())).isZero();
        List<RefundRequested> refunds = published(order.orderId(), () -> refundsOnTopic(order.orderId()));
        assertThat(refunds)
                .containsExactly(new RefundRequested(
                        UUID.fromString(order.orderId()), paymentId, RefundRequested.Reason.ORDER_NOT_PAYABLE));
        assertThat(emailsOnTopic(order.orderId())).isEmpty();
    }

    @Test
    void paymentApprovedForAnOrderExpiredBeforeIsRefundedAndGivesNothingBackTwice() {
        Placed order = place(1, "en");
        assertThat(orders.expire(
                                dev.tarsspeedy.order.OrderId.parse(order.orderId()),
                                order.expiresAt().plusSeconds(1))
                        .block())
                .isTrue();
        assertThat(stock(order.drop())).isEqualTo(5);
        UUID paymentId = UUID.randomUUID();
        // Approved just in time, but it reaches the order service after the expiry job expired the order.
        EventEnvelope event = approved(order, paymentId, order.expiresAt().minusSeconds(1));

        send(PaymentApproved.TOPIC, event);
        awaitProcessed("order-service-payments", event);

        assertThat(statusOf(order.orderId())).isEqualTo("EXPIRED");
        assertThat(stock(order.drop())).isEqualTo(5);
        assertThat(sold(order.drop())).isZero();
        assertThat(outbox("RefundRequested", order.orderId())).isEqualTo(1);
        assertThat(published(order.orderId(), () -> refundsOnTopic(order.orderId())))
                .extracting(RefundRequested::reason)
                .containsExactly(RefundRequested.Reason.ORDER_NOT_PAYABLE);
    }

    @Test
    void cancelOfAPaidOrderReleasesOnceAndAsksForTheRefund() {
        Placed order = place(2, "en");
        UUID paymentId = pay(order);

        for (int attempt = 0; attempt < 2; attempt++) {
            client().post()
                    .uri("/api/orders/{id}/cancel", order.orderId())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(order.buyer()))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("CANCELLED");
        }

        assertThat(stock(order.drop())).isEqualTo(5);
        assertThat(sold(order.drop())).isZero();
        assertThat(held(order.drop())).isEmpty();
        assertThat(outbox("OrderCancelled", order.orderId())).isEqualTo(1);
        assertThat(published(order.orderId(), () -> refundsOnTopic(order.orderId())))
                .containsExactly(new RefundRequested(
                        UUID.fromString(order.orderId()), paymentId, RefundRequested.Reason.CANCELLED));
    }

    @Test
    void deliveryStepsRunOnceEachWithOneEmailPerStepEvenWhenTheJobRunsTwiceAtOnce() {
        Placed order = place(1, "en");
        pay(order);

        deliverConcurrently(order);
        // More runs find nothing to do.
        delivery.deliver();

        Map<String, Object> view = view(order);
        assertThat(view.get("deliveredAt")).isNotNull();
        assertThat(history(view)).containsExactly("PENDING_PAYMENT", "PAID", "PREPARING", "SHIPPING", "DELIVERED");
        List<EmailRequested> emails = published(order.orderId(), () -> emailsOnTopic(order.orderId()));
        assertThat(emails)
                .extracting(EmailRequested::idempotencyKey)
                .containsExactlyInAnyOrder(
                        "order:confirmed:" + order.orderId(),
                        "order:status:" + order.orderId() + ":PREPARING",
                        "order:status:" + order.orderId() + ":SHIPPING",
                        "order:status:" + order.orderId() + ":DELIVERED");
        assertThat(emails)
                .filteredOn(email -> email.template().equals("order-status-changed"))
                .extracting(email -> email.model().get("status"))
                .containsExactlyInAnyOrder("PREPARING", "SHIPPING", "DELIVERED");
        // Shipped: too late to cancel.
        assertProblem(
                client().post()
                        .uri("/api/orders/{id}/cancel", order.orderId())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(order.buyer()))
                        .exchange(),
                HttpStatus.CONFLICT,
                "order-not-cancellable");
        assertThat(stock(order.drop())).isEqualTo(4);
    }

    @Test
    void returnWithinTheWindowEndsReturnedWithTheStockBackAndTheRefund() {
        Placed order = place(2, "en");
        UUID paymentId = pay(order);
        // Not delivered yet: not returnable.
        assertProblem(returnOf(order), HttpStatus.CONFLICT, "order-not-returnable");
        deliverConcurrently(order);

        returnOf(order).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETURN_REQUESTED");
        returnOf(order).expectStatus().isOk();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(30)).until(() -> {
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(delivery::finishReturns);
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(delivery::finishReturns);
            one.join();
            two.join();
            return "RETURNED".equals(statusOf(order.orderId()));
        });

        assertThat(stock(order.drop())).isEqualTo(5);
        assertThat(sold(order.drop())).isZero();
        assertThat(held(order.drop())).isEmpty();
        assertThat(history(view(order))).endsWith("DELIVERED", "RETURN_REQUESTED", "RETURNED");
        assertThat(published(order.orderId(), () -> refundsOnTopic(order.orderId())))
                .containsExactly(new RefundRequested(
                        UUID.fromString(order.orderId()), paymentId, RefundRequested.Reason.RETURNED));
        assertThat(emailsOnTopic(order.orderId()))
                .extracting(EmailRequested::idempotencyKey)
                .contains(
                        "order:status:" + order.orderId() + ":RETURN_REQUESTED",
                        "order:status:" + order.orderId() + ":RETURNED")
                .doesNotHaveDuplicates();
    }

    @Test
    void returnAfterTheWindowIsRefused() {
        Placed order = place(1, "en");
        pay(order);
        deliverConcurrently(order);
        database.sql("update customer_order set delivered_at = :at where id = :id")
                .bind("at", Instant.now().minus(Duration.ofDays(2)).atOffset(java.time.ZoneOffset.UTC))
                .bind("id", UUID.fromString(order.orderId()))
                .fetch()
                .rowsUpdated()
                .block();

        Map<String, Object> problem = assertProblem(returnOf(order), HttpStatus.CONFLICT, "return-window-closed");

        assertThat(problem).containsEntry("orderStatus", "DELIVERED").containsKey("windowClosedAt");
        assertThat(statusOf(order.orderId())).isEqualTo("DELIVERED");
    }

    @Test
    void paymentRefundedIsShownOnTheOrder() {
        Placed order = place(1, "en");
        UUID paymentId = pay(order);
        client().post()
                .uri("/api/orders/{id}/cancel", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(order.buyer()))
                .exchange()
                .expectStatus()
                .isOk();
        Instant refundedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        PaymentRefunded refund = new PaymentRefunded(
                paymentId, UUID.fromString(order.orderId()), order.buyer(), 10_000, "CANCELLED", refundedAt);
        EventEnvelope event = EventEnvelope.of(PaymentRefunded.TYPE, PaymentRefunded.VERSION, order.orderId(), refund);
        EventEnvelope again = EventEnvelope.of(PaymentRefunded.TYPE, PaymentRefunded.VERSION, order.orderId(), refund);

        send(PaymentRefunded.TOPIC, event);
        send(PaymentRefunded.TOPIC, again);
        awaitProcessed("order-service-refunds", event);
        awaitProcessed("order-service-refunds", again);

        Map<String, Object> view = view(order);
        assertThat(view.get("status")).isEqualTo("CANCELLED");
        assertThat(Instant.parse(view.get("refundedAt").toString())).isEqualTo(refundedAt);
        assertThat(history(view)).containsExactly("PENDING_PAYMENT", "PAID", "CANCELLED", "REFUNDED");
    }

    @Test
    void internalOrderHasThePaymentServicesShape() {
        Placed order = place(2, "en");

        Map<String, Object> body = client().get()
                .uri("/internal/orders/{id}", order.orderId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .containsOnlyKeys("orderId", "userId", "status", "amount", "productName", "quantity", "expiresAt")
                .containsEntry("orderId", order.orderId())
                .containsEntry("userId", order.buyer().toString())
                .containsEntry("status", "PENDING_PAYMENT")
                .containsEntry("quantity", 2);
        assertThat(Instant.parse(body.get("expiresAt").toString())).isEqualTo(order.expiresAt());
        assertProblem(
                client().get().uri("/internal/orders/{id}", UUID.randomUUID()).exchange(),
                HttpStatus.NOT_FOUND,
                "order-not-found");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec returnOf(Placed order) {
        return client().post()
                .uri("/api/orders/{id}/return", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(order.buyer()))
                .exchange();
    }
}
