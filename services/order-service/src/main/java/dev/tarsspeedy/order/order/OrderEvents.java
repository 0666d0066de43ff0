package dev.tarsspeedy.order.order;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** The order events other services read, written in the caller's transaction (outbox). */
public interface OrderEvents {

    Mono<Void> placed(Order order);

    Mono<Void> cancelled(Order order, Instant at);

    Mono<Void> expired(Order order, Instant at);
}
