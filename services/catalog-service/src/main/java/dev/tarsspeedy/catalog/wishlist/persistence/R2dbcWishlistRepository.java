package dev.tarsspeedy.catalog.wishlist.persistence;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import dev.tarsspeedy.catalog.wishlist.WishlistEntry;
import dev.tarsspeedy.catalog.wishlist.WishlistRepository;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Wishlists in {@code wishlist_entry}, one row per user and drop. */
@Repository
class R2dbcWishlistRepository implements WishlistRepository {

    private final DatabaseClient database;

    R2dbcWishlistRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> put(WishlistEntry entry) {
        DatabaseClient.GenericExecuteSpec put = database.sql("insert into wishlist_entry (user_id, drop_id, email,"
                        + " locale, unsubscribe_token, created_at) values (:userId, :dropId, :email, :locale, :token,"
                        + " :createdAt) on conflict (user_id, drop_id) do update set email = excluded.email,"
                        + " locale = excluded.locale")
                .bind("userId", entry.userId().value())
                .bind("dropId", entry.dropId().value())
                .bind("locale", entry.locale())
                .bind("token", entry.unsubscribeToken())
                .bind("createdAt", entry.createdAt());
        put = entry.email() == null ? put.bindNull("email", String.class) : put.bind("email", entry.email());
        return put.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Void> remove(UserId userId, DropId dropId) {
        return database.sql("delete from wishlist_entry where user_id = :userId and drop_id = :dropId")
                .bind("userId", userId.value())
                .bind("dropId", dropId.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Flux<DropId> dropsOf(UserId userId) {
        return database.sql("select drop_id from wishlist_entry where user_id = :userId")
                .bind("userId", userId.value())
                .map(row -> new DropId(row.get("drop_id", UUID.class)))
                .all();
    }
}
