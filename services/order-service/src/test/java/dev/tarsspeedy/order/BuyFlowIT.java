package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.contracts.order.OrderPlaced;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.test.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** One buyer's way: 202 at once, the order stored by events, readable, replayable under the same key. */
class BuyFlowIT extends OrderTestBase {

    @Test
    void aBuyIsAcceptedAtOnceAndStoredByTheConsumer() {
        DropChanged drop =
                publish(DropMother.drop().quantity(10).limit(2).price(5_000).build());
        UUID buyer = UUID.randomUUID();

        Map<String, Object> accepted = bought(drop.dropId(), buyer, 2);

        assertThat(accepted).containsEntry("status", "PENDING_PAYMENT").containsKeys("orderId", "expiresAt");
        assertThat(stock(drop.dropId())).isEqualTo(8);
        awaitOrders(drop.dropId(), 1);
        Object orderId = accepted.get("orderId");
        Map<String, Object> order = client().get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(buyer))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(order)
                .containsEntry("id", orderId)
                .containsEntry("dropId", drop.dropId().toString())
                .containsEntry("productName", drop.productName())
                .containsEntry("quantity", 2)
                .containsEntry("amount", 10_000)
                .containsEntry("status", "PENDING_PAYMENT")
                .containsEntry("expiresAt", accepted.get("expiresAt"));
        assertThat((List<?>) order.get("history")).hasSize(1);
        assertThat(sold(drop.dropId())).isEqualTo(2);

        List<EventEnvelope> placed = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                TopicReader.readAll(OrderPlaced.TOPIC, new StringDeserializer(), Duration.ofSeconds(10))
                                        .stream()
                                        .map(record -> EventEnvelope.fromJson(record.value()))
                                        .filter(event -> event.key().equals(orderId))
                                        .toList(),
                        events -> events.size() == 1);
        OrderPlaced event = placed.getFirst().payloadAs(OrderPlaced.class);
        assertThat(event.amount()).isEqualTo(10_000);
        assertThat(event.userId()).isEqualTo(buyer);
        assertThat(event.productName()).isEqualTo(drop.productName());
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameAnswerAndTakesNothingMore() {
        DropChanged drop = publish(DropMother.drop().quantity(10).limit(3).build());
        UUID buyer = UUID.randomUUID();

        Map<String, Object> first = buy(drop.dropId(), buyer, 1, "key-1")
                .expectStatus()
                .isAccepted()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        Map<String, Object> again = buy(drop.dropId(), buyer, 1, "key-1")
                .expectStatus()
                .isAccepted()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(stock(drop.dropId())).isEqualTo(9);
        awaitOrders(drop.dropId(), 1);
        // Another buyer's identical key is another buy.
        buy(drop.dropId(), UUID.randomUUID(), 1, "key-1").expectStatus().isAccepted();
        assertThat(stock(drop.dropId())).isEqualTo(8);
        awaitOrders(drop.dropId(), 2);
    }
}
