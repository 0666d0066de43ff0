package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.DropId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The drops (table {@code sale}). */
public interface SaleRepository {

    /** Stores the drop when it is new or its revision is higher than the stored one; true when stored. */
    Mono<Boolean> saveIfNewer(Drop drop);

    Mono<Drop> find(DropId id);

    /** Drops not ended before {@code endedAfter}. */
    Flux<Drop> notEndedBefore(Instant endedAfter);

    /** Units sold (held by live orders) according to the database. */
    Mono<Integer> sold(DropId id);
}
