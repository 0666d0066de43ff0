package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.DropId;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where drops are kept. */
public interface DropRepository {

    Mono<Void> insert(Drop drop);

    Mono<Drop> findById(DropId id);

    /** The drop, locked until the current transaction ends. */
    Mono<Drop> findByIdForUpdate(DropId id);

    /** Stores the drop over its previous revision ({@code drop.revision() - 1}); fails when that is not stored. */
    Mono<Void> update(Drop drop);

    Flux<Drop> findAllById(Collection<DropId> ids);

    /** A page of the drops in the window, by opening time (then id). */
    Flux<Drop> find(DropWindow window, Instant now, long offset, int limit);

    Mono<Long> count(DropWindow window, Instant now);
}
