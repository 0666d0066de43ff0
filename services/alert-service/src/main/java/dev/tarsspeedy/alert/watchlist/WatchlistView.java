package dev.tarsspeedy.alert.watchlist;

import java.util.List;

/**
 * A user's watchlist in order, with quotes; {@code quotesAvailable} is {@code false} when the market-data service
 * could not be reached (every {@code quote} is then {@code null}, the list itself is still right).
 */
public record WatchlistView(List<WatchedStock> items, boolean quotesAvailable) {}
