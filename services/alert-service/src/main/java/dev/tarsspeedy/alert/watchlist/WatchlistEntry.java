package dev.tarsspeedy.alert.watchlist;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import java.time.Instant;

/** A stock on a user's watchlist; lower positions come first. */
public record WatchlistEntry(UserId userId, Symbol symbol, String market, int position, Instant addedAt) {}
