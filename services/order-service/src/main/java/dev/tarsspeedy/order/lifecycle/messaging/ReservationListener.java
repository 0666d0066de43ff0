package dev.tarsspeedy.order.lifecycle.messaging;

import dev.tarsspeedy.order.lifecycle.OrderService;
import dev.tarsspeedy.order.stream.ReservationMade;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores orders from the relayed reservations, once per reservation: the envelope id is derived from the order id
 * (resends are skipped by the consumer's marker) and the order id is the primary key. The records of a poll are
 * stored together, in one transaction: a drop's opening burst is thousands of orders a second, and one transaction
 * of seven statements per order is what limited the service while a drop sold.
 */
@Component
class ReservationListener {

    /** Listener id and consumer group; tests stop and start the container by this id. */
    public static final String CONSUMER = "order-service-reservations";

    private final IdempotentConsumer consumer;
    private final OrderService orders;

    ReservationListener(IdempotentConsumer consumer, OrderService orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @KafkaListener(id = CONSUMER, topics = ReservationMade.TOPIC, groupId = CONSUMER, batch = "true")
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        consumer.handleRecordsAndWait(
                CONSUMER,
                records,
                events -> orders.place(events.stream()
                                .map(event -> event.payloadAs(ReservationMade.class))
                                .toList())
                        .then());
    }
}
