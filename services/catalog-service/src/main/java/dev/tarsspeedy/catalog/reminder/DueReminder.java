package dev.tarsspeedy.catalog.reminder;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import java.time.Instant;

/** A wishlist entry whose drop opens soon and whose reminder has not gone out. */
public record DueReminder(
        UserId userId,
        DropId dropId,
        String email,
        String locale,
        String unsubscribeToken,
        String productName,
        Instant opensAt) {}
