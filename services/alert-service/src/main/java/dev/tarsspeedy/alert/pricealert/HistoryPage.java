package dev.tarsspeedy.alert.pricealert;

import java.util.List;

/** One page of a user's alert history, newest first. */
public record HistoryPage(List<FiredAlert> items, int page, int size, long total) {

    public HistoryPage {
        items = List.copyOf(items);
    }
}
