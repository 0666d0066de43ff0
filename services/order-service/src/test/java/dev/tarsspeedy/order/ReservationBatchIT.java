package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.order.stream.ReservationMade;
import dev.tarsspeedy.order.support.DropMother;
import dev.tarsspeedy.order.support.OrderTestBase;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The reservations of one poll are stored in one go, with the guarantees of one at a time: a resent reservation is
 * stored once, and the drop's row still refuses what its units or the per-buyer limit do not allow (possible only after
 * Redis lost the drop), in the order the reservations were made.
 */
class ReservationBatchIT extends OrderTestBase {

    private static final String CONSUMER = "order-service-reservations";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aBatchIsStoredOnceAndTheDropsRowDecidesEachOrderInTurn() throws Exception {
        DropChanged drop = publish(DropMother.drop().quantity(3).limit(1).build());
        UUID minji = UUID.randomUUID();
        UUID jun = UUID.randomUUID();
        UUID ara = UUID.randomUUID();
        UUID seo = UUID.randomUUID();
        ReservationMade first = reservation(drop, minji);
        ReservationMade minjiAgain = reservation(drop, minji); // past the limit of 1
        ReservationMade second = reservation(drop, jun);
        ReservationMade third = reservation(drop, ara);
        ReservationMade fourth = reservation(drop, seo); // the 3 units are gone
        sendInOnePoll(drop, first, first, minjiAgain, second, third, fourth);

        awaitOrders(drop.dropId(), 5);
        Thread.sleep(Duration.ofMillis(500).toMillis());
        assertThat(orders(drop.dropId())).isEqualTo(5);
        assertThat(statuses(first, minjiAgain, second, third, fourth))
                .containsExactly("PENDING_PAYMENT", "REJECTED", "PENDING_PAYMENT", "PENDING_PAYMENT", "REJECTED");
        assertThat(sold(drop.dropId())).isEqualTo(3);
        // One OrderPlaced per live order, one history entry per order, nothing twice for the resent reservation.
        assertThat(count(
                        "select count(*) from outbox_event where type = 'OrderPlaced' and payload->>'dropId' = :d",
                        "d",
                        drop.dropId().toString()))
                .isEqualTo(3);
        Map<String, Long> history = database.sql("select h.order_id, count(*) as entries from order_status_history h"
                        + " join customer_order o on o.id = h.order_id where o.drop_id = :d group by h.order_id")
                .bind("d", drop.dropId())
                .map(row -> Map.entry(row.get("order_id", UUID.class).toString(), row.get("entries", Long.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
                .block();
        assertThat(history)
                .hasSize(5)
                .allSatisfy((order, entries) -> assertThat(entries).isEqualTo(1));
        assertThat(count(
                        "select count(*) from customer_order where id = :id and amount = :amount",
                        "id",
                        first.orderId(),
                        "amount",
                        drop.price()))
                .isEqualTo(1);
    }

    @Test
    void aBuyersOrdersStoredInOneBatchAreListedNewestReservationFirst() throws Exception {
        DropChanged drop = publish(DropMother.drop().quantity(10).limit(3).build());
        UUID buyer = UUID.randomUUID();
        ReservationMade earlier = reservation(drop, buyer);
        ReservationMade later = new ReservationMade(
                UUID.randomUUID(),
                drop.dropId(),
                buyer,
                1,
                UUID.randomUUID().toString(),
                earlier.reservedAt().plusMillis(1),
                earlier.expiresAt(),
                null,
                "en");

        sendInOnePoll(drop, earlier, later);
        awaitOrders(drop.dropId(), 2);

        Map<String, Object> page = ordersPage(buyer);
        List<Object> ids = ((List<?>) page.get("items"))
                .stream().<Object>map(item -> ((Map<?, ?>) item).get("id")).toList();
        assertThat(ids)
                .containsExactly(later.orderId().toString(), earlier.orderId().toString());
    }

    /** Sends the reservations while the consumer is stopped, so that it reads them in one poll, in this order. */
    private void sendInOnePoll(DropChanged drop, ReservationMade... reservations) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(CONSUMER);
        container.stop();
        try {
            for (ReservationMade reservation : reservations) {
                EventEnvelope envelope = new EventEnvelope(
                        reservation.eventId(),
                        ReservationMade.TYPE,
                        ReservationMade.VERSION,
                        reservation.reservedAt(),
                        drop.dropId().toString(),
                        EventJson.mapper().valueToTree(reservation));
                kafka.send(ReservationMade.TOPIC, envelope.key(), envelope.toJson())
                        .get(10, TimeUnit.SECONDS);
            }
        } finally {
            container.start();
        }
    }

    private List<String> statuses(ReservationMade... reservations) {
        return java.util.Arrays.stream(reservations)
                .map(reservation -> statusOf(reservation.orderId()))
                .toList();
    }

    private static ReservationMade reservation(DropChanged drop, UUID buyer) {
        Instant now = Instant.now();
        return new ReservationMade(
                UUID.randomUUID(),
                drop.dropId(),
                buyer,
                1,
                UUID.randomUUID().toString(),
                now,
                now.plus(Duration.ofMinutes(10)),
                null,
                "en");
    }
}
