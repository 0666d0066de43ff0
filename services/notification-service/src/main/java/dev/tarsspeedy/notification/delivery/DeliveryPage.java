package dev.tarsspeedy.notification.delivery;

import java.util.List;

/** One page of the delivery log, newest first, and how many rows the search finds in all. */
public record DeliveryPage(List<DeliveryRecord> items, int page, int size, long total) {

    public DeliveryPage {
        items = List.copyOf(items);
    }
}
