package dev.tarsspeedy.catalog.reminder;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reminder state of wishlist entries. */
public interface ReminderRepository {

    /**
     * Entries not reminded, not unsubscribed, with an address, of drops not stopped that open after {@code now} and
     * at the latest at {@code until}; locked for the current transaction (entries another transaction holds are
     * skipped).
     */
    Flux<DueReminder> lockDue(Instant now, Instant until, int limit);

    /**
     * Marks the entry reminded, only if it is not yet (and still wants reminders).
     *
     * @return whether this call marked it: the caller sends the email only then
     */
    Mono<Boolean> markReminded(UserId userId, DropId dropId, Instant now);

    /**
     * Turns reminders off for the entry with this unsubscribe token.
     *
     * @return whether an entry has this token (also when it was off already)
     */
    Mono<Boolean> unsubscribe(String token, Instant now);
}
