package dev.tarsspeedy.market.quote.persistence;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.quote.IntradayPoint;
import dev.tarsspeedy.market.quote.Quote;
import dev.tarsspeedy.market.quote.QuoteCache;
import dev.tarsspeedy.market.quote.QuoteSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Quotes in Redis: {@code market:quote:<symbol>} the latest quote as JSON (expiring after {@code latestRetention}
 * without a refresh); {@code market:intraday:<symbol>:<day>} a sorted set of the day's prices scored by their
 * {@code asOf} (member {@code <epoch ms>|<price>|<volume>}), trimmed to the newest {@code intradayPoints} and
 * expiring after {@code intradayRetention}; {@code market:closing:<market>:<day>} the closing fetch's marker.
 */
@Component
class RedisQuoteCache implements QuoteCache {

    private static final Logger log = LoggerFactory.getLogger(RedisQuoteCache.class);

    private final ReactiveStringRedisTemplate redis;
    private final QuoteSettings settings;

    RedisQuoteCache(ReactiveStringRedisTemplate redis, QuoteSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    static String latestKey(Symbol symbol) {
        return "market:quote:" + symbol.code();
    }

    static String intradayKey(Symbol symbol, LocalDate day) {
        return "market:intraday:" + symbol.code() + ":" + day;
    }

    @Override
    public Mono<Quote> latest(Symbol symbol) {
        return redis.opsForValue().get(latestKey(symbol)).flatMap(RedisQuoteCache::read);
    }

    @Override
    public Mono<Map<Symbol, Quote>> latest(Collection<Symbol> symbols) {
        List<Symbol> list = symbols.stream().distinct().toList();
        if (list.isEmpty()) {
            return Mono.just(Map.of());
        }
        return redis.opsForValue()
                .multiGet(list.stream().map(RedisQuoteCache::latestKey).toList())
                .map(values -> {
                    Map<Symbol, Quote> found = new HashMap<>();
                    for (int i = 0; i < list.size(); i++) {
                        String json = values.get(i);
                        if (json != null) {
                            Quote quote = readOrNull(json);
                            if (quote != null) {
                                found.put(list.get(i), quote);
                            }
                        }
                    }
                    return found;
                });
    }

    @Override
    public Mono<Void> save(Quote quote) {
        return redis.opsForValue()
                .set(latestKey(quote.symbol()), StoredQuote.toJson(quote), settings.latestRetention())
                .then();
    }

    @Override
    public Mono<Void> addIntraday(Quote quote) {
        String key = intradayKey(quote.symbol(), quote.tradingDay());
        Instant at = quote.provider().asOf();
        String member = at.toEpochMilli() + "|" + quote.provider().price().toPlainString() + "|"
                + (quote.provider().volume() == null ? "" : quote.provider().volume());
        return redis.opsForZSet()
                .removeRangeByScore(key, Range.closed((double) at.toEpochMilli(), (double) at.toEpochMilli()))
                .then(redis.opsForZSet().add(key, member, at.toEpochMilli()))
                .then(redis.opsForZSet().removeRange(key, Range.closed(0L, (long) -settings.intradayPoints() - 1)))
                .then(redis.expire(key, settings.intradayRetention()))
                .then();
    }

    @Override
    public Flux<IntradayPoint> intraday(Symbol symbol, LocalDate day) {
        return redis.opsForZSet()
                .range(intradayKey(symbol, day), Range.closed(0L, -1L))
                .map(member -> {
                    String[] parts = member.split("\\|", -1);
                    return new IntradayPoint(
                            Instant.ofEpochMilli(Long.parseLong(parts[0])),
                            new BigDecimal(parts[1]),
                            parts[2].isEmpty() ? null : Long.valueOf(parts[2]));
                });
    }

    @Override
    public Mono<Boolean> closingFetchDone(Market market, LocalDate day) {
        return redis.hasKey(closingKey(market, day));
    }

    @Override
    public Mono<Void> markClosingFetchDone(Market market, LocalDate day) {
        return redis.opsForValue()
                .set(closingKey(market, day), Instant.now().toString(), Duration.ofDays(3))
                .then();
    }

    private static String closingKey(Market market, LocalDate day) {
        return "market:closing:" + market + ":" + day;
    }

    private static Mono<Quote> read(String json) {
        return Mono.justOrEmpty(readOrNull(json));
    }

    /** A cached quote that cannot be read (an older format) counts as absent: the next poll replaces it. */
    private static Quote readOrNull(String json) {
        try {
            return StoredQuote.fromJson(json);
        } catch (RuntimeException e) {
            log.warn("unreadable cached quote ignored: {}", e.toString());
            return null;
        }
    }
}
