package dev.tarsspeedy.catalog.wishlist;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where wishlists are kept. */
public interface WishlistRepository {

    /**
     * Adds the entry, or, when the user has the drop already, updates its address and language only (the token, the
     * reminder's state and the creation time stay).
     */
    Mono<Void> put(WishlistEntry entry);

    /** Removes the entry if there is one. */
    Mono<Void> remove(UserId userId, DropId dropId);

    Flux<DropId> dropsOf(UserId userId);
}
