package dev.tarsspeedy.market.quote;

import reactor.core.publisher.Mono;

/** {@code QuoteUpdated} to Kafka for other services (a direct idempotent producer, decision 0010). */
public interface QuoteEvents {

    /** Publishes the quote; completes when the broker acknowledged it. */
    Mono<Void> publish(Quote quote);
}
