package dev.tarsspeedy.catalog.drop.client;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.drop.StockLevel;
import dev.tarsspeedy.catalog.drop.StockLevels;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Asks the order service for stock, behind a circuit breaker with a time limit ({@code catalog.stock.*}): when it
 * is slow, down or the circuit is open, the answer is "nothing known" and views fall back.
 */
@Component
class HttpStockLevels implements StockLevels {

    static final String BREAKER = "order-stock";
    private static final Logger log = LoggerFactory.getLogger(HttpStockLevels.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final OrderStockClient client;
    private final ReactiveCircuitBreaker breaker;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    HttpStockLevels(OrderStockClient client, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breaker = breakers.create(BREAKER);
    }

    @Override
    public Mono<Map<DropId, StockLevel>> levels(Collection<DropId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<UUID> values = ids.stream().map(DropId::value).distinct().toList();
        Mono<Map<DropId, StockLevel>> call = client.stock(values).map(entries -> {
            Map<DropId, StockLevel> levels = new HashMap<>();
            for (OrderStockClient.StockEntry entry : entries) {
                if (entry != null && entry.dropId() != null) {
                    DropId id = new DropId(entry.dropId());
                    levels.put(id, new StockLevel(id, entry.remaining(), entry.sold()));
                }
            }
            return levels;
        });
        return breaker.run(call, this::fallback);
    }

    private Mono<Map<DropId, StockLevel>> fallback(Throwable error) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            String reason = error instanceof TimeoutException ? "no answer in time" : error.toString();
            log.warn("order service stock unavailable, showing fallback stock: {}", reason);
        }
        return Mono.just(Map.of());
    }
}
