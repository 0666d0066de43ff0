package dev.tarsspeedy.catalog.wishlist;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A drop a shopper wants to hear about.
 *
 * @param email where the reminder goes (the token's {@code email} claim), {@code null} when the token had none
 * @param locale {@code ko} or {@code en}, the language of the reminder
 * @param unsubscribeToken the opaque secret of the reminder's one-click unsubscribe link
 */
public record WishlistEntry(
        UserId userId, DropId dropId, String email, String locale, String unsubscribeToken, Instant createdAt) {

    public WishlistEntry {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(dropId, "dropId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(unsubscribeToken, "unsubscribeToken");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
