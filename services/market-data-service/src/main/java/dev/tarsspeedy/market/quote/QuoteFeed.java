package dev.tarsspeedy.market.quote;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The live feed every instance's quote streams read: the poller runs on one instance, the streams' clients are
 * connected to any. Best effort: a stream that misses one quote gets the next.
 */
public interface QuoteFeed {

    Mono<Void> announce(Quote quote);

    /** The quotes announced from now on, by any instance. */
    Flux<Quote> announced();
}
