package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.DropId;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the drop copy: the database row (only a higher revision wins), this instance's memory and the Redis keys.
 * Before opening, Redis gets all keys fresh; once open, only the terms change and the stock is never reset.
 */
@Service
public class DropSync {

    private static final Logger log = LoggerFactory.getLogger(DropSync.class);

    private final SaleRepository repository;
    private final SaleStore store;
    private final DropCatalog catalog;
    private final ApplicationEventPublisher events;
    private final SaleSettings properties;
    private final Clock clock;

    public DropSync(
            SaleRepository repository,
            SaleStore store,
            DropCatalog catalog,
            ApplicationEventPublisher events,
            SaleSettings properties,
            Clock clock) {
        this.repository = repository;
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores the drop if its revision is higher (run inside the consumer's transaction). */
    public Mono<Boolean> save(Drop drop) {
        return repository.saveIfNewer(drop);
    }

    /** Brings memory and Redis in line with the stored drop (after the transaction committed). */
    public Mono<LoadResult> sync(DropId id) {
        return repository.find(id).flatMap(drop -> {
            catalog.put(drop);
            return load(drop);
        });
    }

    /**
     * Loads the drop into Redis; asks for a rebuild when it is on sale and its keys are gone. Fresh keys are written
     * before opening, and for an open drop that has no keys and nothing sold (published when already open).
     */
    public Mono<LoadResult> load(Drop drop) {
        Instant now = clock.instant();
        Mono<Boolean> fresh = drop.notYetOpenAt(now)
                ? Mono.just(true)
                : store.present(drop.id())
                        .flatMap(present -> present
                                ? Mono.just(false)
                                : repository
                                        .sold(drop.id())
                                        .map(sold -> sold == 0)
                                        .defaultIfEmpty(false));
        return fresh.flatMap(loadFresh -> store.load(drop, loadFresh)).doOnNext(result -> {
            log.debug("drop {} revision {} loaded into Redis: {}", drop.id(), drop.revision(), result);
            if (result == LoadResult.ABSENT && !drop.closedAt(now)) {
                events.publishEvent(new DropKeysMissing(drop.id()));
            }
        });
    }

    /** Loads every drop opening within the lead time whose keys are missing (blocking: for the scheduler). */
    public int warmUp() {
        Instant now = clock.instant();
        Instant horizon = now.plus(properties.warmUp().leadTime());
        int loaded = 0;
        for (Drop drop : catalog.relevant(now)) {
            if (drop.notYetOpenAt(now) && !drop.opensAt().isAfter(horizon)) {
                Boolean present = store.present(drop.id()).block();
                if (!Boolean.TRUE.equals(present)) {
                    LoadResult result = store.load(drop, true).block();
                    log.info(
                            "warm-up: drop {} opening at {} loaded into Redis ({})", drop.id(), drop.opensAt(), result);
                    loaded++;
                }
            }
        }
        return loaded;
    }
}
