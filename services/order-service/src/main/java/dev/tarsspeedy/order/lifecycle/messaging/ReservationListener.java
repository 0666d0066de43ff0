package dev.tarsspeedy.order.lifecycle.messaging;

import dev.tarsspeedy.order.lifecycle.OrderService;
import dev.tarsspeedy.order.stream.ReservationMade;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.consumer.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores orders from the relayed reservations, once per reservation: the envelope id is derived from the order id
 * (resends are skipped by the consumer's marker) and the order id is the primary key.
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

    @KafkaListener(id = CONSUMER, topics = ReservationMade.TOPIC, groupId = CONSUMER)
    void on(EventEnvelope event) {
        consumer.handleAndWait(
                CONSUMER,
                event,
                e -> orders.place(e.payloadAs(ReservationMade.class)).then());
    }
}
