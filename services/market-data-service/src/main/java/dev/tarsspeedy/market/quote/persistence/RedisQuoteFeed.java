package dev.tarsspeedy.market.quote.persistence;

import dev.tarsspeedy.market.quote.Quote;
import dev.tarsspeedy.market.quote.QuoteFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The streams' feed over Redis pub/sub (channel {@code market:quotes:feed}): every instance's streams hear what the
 * polling instance takes in, with one Redis subscription per instance shared by all its streams.
 */
@Component
class RedisQuoteFeed implements QuoteFeed {

    static final String CHANNEL = "market:quotes:feed";

    private static final Logger log = LoggerFactory.getLogger(RedisQuoteFeed.class);

    private final ReactiveStringRedisTemplate redis;
    private final Flux<Quote> announced;

    RedisQuoteFeed(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
        this.announced = Flux.defer(() -> redis.listenTo(ChannelTopic.of(CHANNEL)))
                .<Quote>handle((message, sink) -> {
                    try {
                        sink.next(StoredQuote.fromJson(message.getMessage()));
                    } catch (RuntimeException e) {
                        log.warn("unreadable quote on {} ignored: {}", CHANNEL, e.toString());
                    }
                })
                .share();
    }

    @Override
    public Mono<Void> announce(Quote quote) {
        return redis.convertAndSend(CHANNEL, StoredQuote.toJson(quote)).then();
    }

    @Override
    public Flux<Quote> announced() {
        return announced;
    }
}
