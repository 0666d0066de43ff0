package dev.tarsspeedy.catalog.reminder.persistence;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import dev.tarsspeedy.catalog.reminder.DueReminder;
import dev.tarsspeedy.catalog.reminder.ReminderRepository;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reminder columns of {@code wishlist_entry}. */
@Repository
class R2dbcReminderRepository implements ReminderRepository {

    private final DatabaseClient database;

    R2dbcReminderRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<DueReminder> lockDue(Instant now, Instant until, int limit) {
        return database.sql("select w.user_id, w.drop_id, w.email, w.locale, w.unsubscribe_token, p.name,"
                        + " d.opens_at from wishlist_entry w join catalog_drop d on d.id = w.drop_id"
                        + " join product p on p.id = d.product_id"
                        + " where w.reminded_at is null and w.reminders_off_at is null and w.email is not null"
                        + " and d.closed_at is null and d.opens_at > :now and d.opens_at <= :until"
                        + " order by d.opens_at, w.drop_id, w.user_id limit :limit for update of w skip locked")
                .bind("now", now)
                .bind("until", until)
                .bind("limit", limit)
                .map(row -> new DueReminder(
                        new UserId(row.get("user_id", UUID.class)),
                        new DropId(row.get("drop_id", UUID.class)),
                        row.get("email", String.class),
                        row.get("locale", String.class),
                        row.get("unsubscribe_token", String.class),
                        row.get("name", String.class),
                        row.get("opens_at", Instant.class)))
                .all();
    }

    @Override
    public Mono<Boolean> markReminded(UserId userId, DropId dropId, Instant now) {
        return database.sql("update wishlist_entry set reminded_at = :now where user_id = :userId and drop_id = :dropId"
                        + " and reminded_at is null and reminders_off_at is null")
                .bind("now", now)
                .bind("userId", userId.value())
                .bind("dropId", dropId.value())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> unsubscribe(String token, Instant now) {
        return database.sql("update wishlist_entry set reminders_off_at = coalesce(reminders_off_at, :now)"
                        + " where unsubscribe_token = :token")
                .bind("now", now)
                .bind("token", token)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }
}
