package dev.tarsspeedy.order.sale;

import java.util.List;

/**
 * A drop's Redis state read atomically.
 *
 * @param quantity the sale hash's quantity
 * @param stock units left
 * @param holds every reservation not released
 * @param pendingInStream reservations still in the stream (not yet acknowledged by Kafka)
 */
public record SaleSnapshot(int quantity, int stock, List<Hold> holds, long pendingInStream) {

    public int held() {
        return holds.stream().mapToInt(Hold::quantity).sum();
    }
}
