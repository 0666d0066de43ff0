package dev.tarsspeedy.alert.watchlist.persistence;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.watchlist.WatchlistEntry;
import dev.tarsspeedy.alert.watchlist.WatchlistRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code watchlist_entry}. */
@Repository
class R2dbcWatchlistRepository implements WatchlistRepository {

    private static final String COLUMNS = "user_id, symbol, market, position, added_at";

    private final DatabaseClient database;

    R2dbcWatchlistRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> lockUser(UserId user) {
        // A transaction-scoped advisory lock per user: two concurrent additions cannot both pass the limit check.
        return database.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .bind("key", "watchlist:" + user)
                .map(row -> 1)
                .first()
                .then();
    }

    @Override
    public Mono<List<WatchlistEntry>> list(UserId user) {
        return database.sql("select " + COLUMNS + " from watchlist_entry where user_id = :user"
                        + " order by position, added_at, symbol")
                .bind("user", user.value())
                .map(R2dbcWatchlistRepository::entry)
                .all()
                .collectList();
    }

    @Override
    public Mono<Map<UserId, List<WatchlistEntry>>> lists(Collection<UserId> users) {
        if (users.isEmpty()) {
            return Mono.just(Map.of());
        }
        UUID[] ids = users.stream().map(UserId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from watchlist_entry where user_id = any(:users)"
                        + " order by user_id, position, added_at, symbol")
                .bind("users", ids)
                .map(R2dbcWatchlistRepository::entry)
                .all()
                .collect(
                        LinkedHashMap<UserId, List<WatchlistEntry>>::new,
                        (all, entry) -> all.computeIfAbsent(entry.userId(), user -> new ArrayList<>())
                                .add(entry))
                .map(all -> (Map<UserId, List<WatchlistEntry>>) all);
    }

    @Override
    public Mono<Boolean> insert(WatchlistEntry entry) {
        return database.sql("insert into watchlist_entry (" + COLUMNS + ")"
                        + " values (:user, :symbol, :market, :position, :addedAt) on conflict do nothing")
                .bind("user", entry.userId().value())
                .bind("symbol", entry.symbol().code())
                .bind("market", entry.market())
                .bind("position", entry.position())
                .bind("addedAt", entry.addedAt())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> delete(UserId user, Symbol symbol) {
        return database.sql("delete from watchlist_entry where user_id = :user and symbol = :symbol")
                .bind("user", user.value())
                .bind("symbol", symbol.code())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    @Override
    public Mono<Void> reorder(UserId user, List<Symbol> symbols) {
        String[] codes = symbols.stream().map(Symbol::code).toArray(String[]::new);
        return database.sql("update watchlist_entry w set position = o.ordinality - 1"
                        + " from unnest(cast(:symbols as varchar[])) with ordinality as o(symbol, ordinality)"
                        + " where w.user_id = :user and w.symbol = o.symbol")
                .bind("user", user.value())
                .bind("symbols", codes)
                .fetch()
                .rowsUpdated()
                .then();
    }

    private static WatchlistEntry entry(Readable row) {
        return new WatchlistEntry(
                new UserId(row.get("user_id", UUID.class)),
                new Symbol(row.get("symbol", String.class)),
                row.get("market", String.class),
                row.get("position", Integer.class),
                row.get("added_at", Instant.class));
    }
}
