package dev.tarsspeedy.alert.watchlist;

import dev.tarsspeedy.alert.market.MarketData;

/** A watchlist entry with its latest quote; {@code quote} is {@code null} when none is known or reachable. */
public record WatchedStock(WatchlistEntry entry, String name, MarketData.Quote quote) {}
