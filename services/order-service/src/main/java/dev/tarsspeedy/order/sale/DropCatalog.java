package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.DropId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * This instance's in-memory copy of the drops, so the buy path never reads the database. Updated when this instance
 * applies a {@code DropChanged}, and every {@code order.catalog.refresh-period} from the database (changes another
 * instance applied). An id it does not know is looked up once and then remembered as unknown for a short time.
 */
@Component
public class DropCatalog {

    private final Map<DropId, Drop> drops = new ConcurrentHashMap<>();
    private final Map<DropId, Instant> unknown = new ConcurrentHashMap<>();
    private final SaleRepository repository;
    private final SaleSettings properties;
    private final Clock clock;

    public DropCatalog(SaleRepository repository, SaleSettings properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** The drop, or empty when the service has no such drop. */
    public Mono<Drop> find(DropId id) {
        Drop known = drops.get(id);
        if (known != null) {
            return Mono.just(known);
        }
        Instant now = clock.instant();
        Instant unknownUntil = unknown.get(id);
        if (unknownUntil != null && now.isBefore(unknownUntil)) {
            return Mono.empty();
        }
        return repository
                .find(id)
                .doOnNext(this::put)
                .switchIfEmpty(Mono.fromRunnable(
                        () -> unknown.put(id, now.plus(properties.catalog().unknownTtl()))));
    }

    /** Keeps the drop unless a higher revision is known already. */
    public void put(Drop drop) {
        unknown.remove(drop.id());
        drops.merge(drop.id(), drop, (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
    }

    /** Drops from the warm-up lead time before opening until {@code keep-after-close} after their end. */
    public List<Drop> relevant(Instant now) {
        return drops.values().stream()
                .filter(drop -> drop.relevantAt(
                        now,
                        properties.warmUp().leadTime(),
                        properties.catalog().keepAfterClose()))
                .sorted(Comparator.comparing(Drop::opensAt))
                .toList();
    }

    /** Reloads every drop that has not ended long ago (blocking: for the scheduler's thread). */
    public void refresh() {
        Instant now = clock.instant();
        repository
                .notEndedBefore(now.minus(properties.catalog().keepAfterClose()))
                .doOnNext(this::put)
                .then()
                .block();
        unknown.entrySet().removeIf(entry -> !now.isBefore(entry.getValue()));
    }
}
