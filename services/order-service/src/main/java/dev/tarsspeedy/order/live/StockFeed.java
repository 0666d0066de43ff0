package dev.tarsspeedy.order.live;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.order.sale.StockQuery;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live remaining stock per drop: one shared poll per drop and instance, however many browsers watch; a new watcher
 * gets the last number at once, then every change; the feed ends when the drop closes.
 */
@Service
public class StockFeed {

    private final Map<DropId, Flux<Integer>> feeds = new ConcurrentHashMap<>();
    private final DropCatalog catalog;
    private final StockQuery stock;
    private final SaleStore store;
    private final LiveSettings properties;
    private final Clock clock;

    public StockFeed(DropCatalog catalog, StockQuery stock, SaleStore store, LiveSettings properties, Clock clock) {
        this.catalog = catalog;
        this.stock = stock;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The drop, or empty when unknown. */
    public Mono<Drop> drop(DropId id) {
        return catalog.find(id);
    }

    /** Remaining units whenever the number changes, until the drop closes. */
    public Flux<Integer> remaining(DropId id) {
        return feeds.computeIfAbsent(id, this::poll);
    }

    private Flux<Integer> poll(DropId id) {
        return Flux.interval(java.time.Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> catalog.find(id)
                        .filter(drop -> !drop.closedAt(clock.instant()))
                        // Redis only while the drop is loaded; the database answers when its keys are absent.
                        .flatMap(drop -> store.stock(id)
                                .switchIfEmpty(stock.of(id).map(StockQuery.Stock::remaining))
                                .defaultIfEmpty(-1))
                        .defaultIfEmpty(Integer.MIN_VALUE)
                        .onErrorReturn(-1))
                .takeWhile(remaining -> remaining != Integer.MIN_VALUE)
                .filter(remaining -> remaining >= 0)
                .distinctUntilChanged()
                .doFinally(signal -> feeds.remove(id))
                .replay(1)
                .refCount();
    }
}
