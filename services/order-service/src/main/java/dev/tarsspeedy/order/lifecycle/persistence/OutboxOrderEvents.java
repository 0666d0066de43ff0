package dev.tarsspeedy.order.lifecycle.persistence;

import dev.tarsspeedy.contracts.order.OrderCancelled;
import dev.tarsspeedy.contracts.order.OrderExpired;
import dev.tarsspeedy.contracts.order.OrderPaid;
import dev.tarsspeedy.contracts.order.OrderPlaced;
import dev.tarsspeedy.contracts.order.RefundRequested;
import dev.tarsspeedy.order.lifecycle.Order;
import dev.tarsspeedy.order.lifecycle.OrderEvents;
import dev.tarsspeedy.order.lifecycle.OrderStatus;
import dev.tarsspeedy.order.lifecycle.RefundReason;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Order events through the outbox, keyed by the order id so one order's events stay in order; emails through the
 * platform's {@link EmailOutbox}, each with an idempotency key of its own per order and step.
 */
@Component
class OutboxOrderEvents implements OrderEvents {

    private final OutboxWriter outbox;
    private final EmailOutbox emails;
    private final Clock clock;

    OutboxOrderEvents(OutboxWriter outbox, EmailOutbox emails, Clock clock) {
        this.outbox = outbox;
        this.emails = emails;
        this.clock = clock;
    }

    @Override
    public Mono<Void> placed(List<Order> orders) {
        List<EventEnvelope> placed = new ArrayList<>(orders.size());
        for (Order order : orders) {
            placed.add(envelope(
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
                            order.expiresAt())));
        }
        return outbox.appendAll(Topics.name("order", OrderPlaced.TYPE, OrderPlaced.VERSION), placed);
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

    @Override
    public Mono<Void> paid(Order order) {
        return append(
                OrderPaid.TYPE,
                OrderPaid.VERSION,
                order,
                new OrderPaid(
                        order.id().value(), order.paymentId(), order.userId().value(), order.amount(), order.paidAt()));
    }

    @Override
    public Mono<Void> refundRequested(Order order, UUID paymentId, RefundReason reason) {
        return append(
                RefundRequested.TYPE,
                RefundRequested.VERSION,
                order,
                new RefundRequested(order.id().value(), paymentId, RefundRequested.Reason.valueOf(reason.name())));
    }

    @Override
    public Mono<Void> confirmationEmail(Order order) {
        return email(
                order,
                "order-confirmed",
                "order:confirmed:" + order.id(),
                Map.of(
                        "name",
                        localPart(order.buyerEmail()),
                        "orderId",
                        order.id().toString(),
                        "item",
                        order.productName(),
                        "amount",
                        order.amount()));
    }

    @Override
    public Mono<Void> statusEmail(Order order, OrderStatus status) {
        return email(
                order,
                "order-status-changed",
                "order:status:" + order.id() + ":" + status.name(),
                Map.of("orderId", order.id().toString(), "item", order.productName(), "status", status.name()));
    }

    private Mono<Void> email(Order order, String template, String key, Map<String, Object> model) {
        if (order.buyerEmail() == null) {
            return Mono.empty();
        }
        return emails.requestEmail(template, order.buyerEmail(), order.locale(), model, key);
    }

    /** The greeting's name: the order service knows no names, so the address's local part ("minji" of minji@…). */
    static String localPart(String email) {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }

    private Mono<Void> append(String type, int version, Order order, Object payload) {
        return outbox.append(Topics.name("order", type, version), envelope(type, version, order, payload));
    }

    private EventEnvelope envelope(String type, int version, Order order, Object payload) {
        return EventEnvelope.of(type, version, order.id().toString(), payload, clock);
    }
}
