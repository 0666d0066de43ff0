package dev.tarsspeedy.catalog.drop;

import dev.tarsspeedy.catalog.DropId;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Remaining stock, owned by the order service. */
public interface StockLevels {

    /**
     * The stock of the drops the order service knows among these; never fails: when the order service cannot
     * answer in time the map is empty, and the caller falls back (see {@link Drop#fallbackRemaining}).
     */
    Mono<Map<DropId, StockLevel>> levels(Collection<DropId> ids);
}
