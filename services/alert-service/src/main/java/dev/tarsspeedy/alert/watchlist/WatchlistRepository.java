package dev.tarsspeedy.alert.watchlist;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Watchlist entries. */
public interface WatchlistRepository {

    /** Serialises changes of one user's watchlist until the current transaction ends (the limit and positions). */
    Mono<Void> lockUser(UserId user);

    /** The user's entries, in order. */
    Mono<List<WatchlistEntry>> list(UserId user);

    /** The entries of several users, each list in order; users without entries are absent. */
    Mono<Map<UserId, List<WatchlistEntry>>> lists(Collection<UserId> users);

    /** Inserts the entry; {@code false} when the user watches the symbol already (nothing changes then). */
    Mono<Boolean> insert(WatchlistEntry entry);

    /** Deletes the entry; whether there was one. */
    Mono<Boolean> delete(UserId user, Symbol symbol);

    /** Gives the user's entries the positions 0, 1, ... in the order of {@code symbols}. */
    Mono<Void> reorder(UserId user, List<Symbol> symbols);
}
