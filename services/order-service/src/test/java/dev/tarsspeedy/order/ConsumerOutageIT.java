package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.kafka.KafkaServer;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The order consumer is down during a burst: buyers still get 202 at once, and every accepted order arrives once. */
class ConsumerOutageIT extends OrderTestBase {

    private static final String CONSUMER = "order-service-reservations";

    @Test
    void reservationsMadeWhileKafkaIsDownAreRelayedOnceItIsBack() {
        DropChanged drop = publish(DropMother.drop().quantity(50).limit(1).build());
        KafkaServer broker = Infrastructure.shared().kafka();
        List<String> accepted;
        broker.stop();
        try {
            List<UUID> buyers =
                    IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
            accepted = flood(drop.dropId(), buyers, 1, 8).stream()
                    .filter(a -> a.status() == 202)
                    .map(a -> a.body().get("orderId").toString())
                    .toList();
            assertThat(accepted).hasSize(20);
        } finally {
            broker.start();
        }

        awaitOrders(drop.dropId(), 20);
        assertThat(liveOrderIds(drop.dropId())).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(redis.opsForStream().size("drop:{" + drop.dropId() + "}:stream"))
                .isZero();
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void everyAcceptedOrderIsStoredExactlyOnceAfterTheConsumerComesBack() throws Exception {
        DropChanged drop = publish(DropMother.drop().quantity(200).limit(1).build());
        MessageListenerContainer container = listeners.getListenerContainer(CONSUMER);
        container.stop();
        List<Attempt> first;
        Map<String, Object> reading;
        try {
            List<UUID> buyers =
                    IntStream.range(0, 120).mapToObj(i -> UUID.randomUUID()).toList();
            first = flood(drop.dropId(), buyers, 2, 32);
            Thread.sleep(500);
            assertThat(orders(drop.dropId())).isZero();

            // Just after the 202, before the order is stored, its buyer reads it from the reservation.
            Attempt one =
                    first.stream().filter(a -> a.status() == 202).findFirst().orElseThrow();
            reading = client().get()
                    .uri("/api/orders/{id}", one.body().get("orderId"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(one.buyer()))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(MAP)
                    .returnResult()
                    .getResponseBody();
            assertThat(reading)
                    .containsEntry("status", "PENDING_PAYMENT")
                    .containsEntry("dropId", drop.dropId().toString())
                    .containsEntry("expiresAt", one.body().get("expiresAt"));
            // Somebody else's reservation is not theirs to read.
            client().get()
                    .uri("/api/orders/{id}", one.body().get("orderId"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(UUID.randomUUID()))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        } finally {
            container.start();
        }
        List<String> accepted = first.stream()
                .filter(a -> a.status() == 202)
                .map(a -> a.body().get("orderId").toString())
                .toList();
        assertThat(accepted).hasSize(120);

        awaitOrders(drop.dropId(), 120);
        Thread.sleep(Duration.ofSeconds(1));
        assertThat(orders(drop.dropId())).isEqualTo(120);
        assertThat(liveOrderIds(drop.dropId())).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(sold(drop.dropId())).isEqualTo(120);
        assertThat(stock(drop.dropId())).isEqualTo(80);
    }

    @Test
    void reservationsOnTheirWayToTheDatabaseAreNotDrift() {
        DropChanged drop = publish(DropMother.drop().quantity(50).limit(1).build());
        MessageListenerContainer container = listeners.getListenerContainer(CONSUMER);
        container.stop();
        Map<String, Object> reconciled;
        try {
            List<UUID> buyers =
                    IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
            assertThat(flood(drop.dropId(), buyers, 1, 4)).allMatch(a -> a.status() == 202);

            // Held in Redis, relayed to Kafka, not stored yet: the consumer trails, as under a drop's load.
            reconciled = reconcile(drop.dropId());
        } finally {
            container.start();
        }
        assertThat(reconciled).containsEntry("state", "CONSISTENT");
        assertThat(reconciled.get("detail").toString()).contains("on their way");

        awaitOrders(drop.dropId(), 10);
        Map<String, Object> settled = reconcile(drop.dropId());
        assertThat(settled).containsEntry("state", "CONSISTENT");
        assertThat(settled.get("detail").toString()).doesNotContain("on their way");
    }
}
