package dev.tarsspeedy.order.order.persistence;

import dev.tarsspeedy.contracts.order.OrderCancelled;
import dev.tarsspeedy.contracts.order.OrderExpired;
import dev.tarsspeedy.contracts.order.OrderPlaced;
import dev.tarsspeedy.order.order.Order;
import dev.tarsspeedy.order.order.OrderEvents;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Order events through the outbox, keyed by the order id so one order's events stay in order. */
@Component
class OutboxOrderEvents implements OrderEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxOrderEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> placed(Order order) {
        return append(
                OrderPlaced.TYPE,
                OrderPlaced.VERSION,
                order,
                new OrderPlaced(
                        order.id().value(),
                        order.dropId().value(),
                        order.userId().value(),
                        order.quantity(),
                        order.amount(),
                        order.productName(),
                        order.expiresAt()));
    }

    @Override
    public Mono<Void> cancelled(Order order, Instant at) {
        return append(
                OrderCancelled.TYPE,
                OrderCancelled.VERSION,
                order,
                new OrderCancelled(
                        order.id().value(),
                        order.dropId().value(),
                        order.userId().value(),
                        order.quantity(),
                        at));
    }

    @Override
    public Mono<Void> expired(Order order, Instant at) {
        return append(
                OrderExpired.TYPE,
                OrderExpired.VERSION,
                order,
                new OrderExpired(
                        order.id().value(),
                        order.dropId().value(),
                        order.userId().value(),
                        order.quantity(),
                        at));
    }

    private Mono<Void> append(String type, int version, Order order, Object payload) {
        return outbox.append(
                Topics.name("order", type, version),
                EventEnvelope.of(type, version, order.id().toString(), payload, clock));
    }
}
