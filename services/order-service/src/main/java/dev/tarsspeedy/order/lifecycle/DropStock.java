package dev.tarsspeedy.order.lifecycle;

import dev.tarsspeedy.order.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A drop's row as the consumer of reservations read it, locked for the batch it stores: the database's last guard
 * against overselling. It decides the batch's orders one after the other, in the order they were reserved, exactly as
 * one guarded update per order would ({@code sold + q <= quantity} and the buyer's live units plus {@code q} within the
 * per-buyer limit), counting the orders taken before in the same batch.
 */
public final class DropStock {

    private final SaleTerms terms;
    private final int quantity;
    private final int perUserLimit;
    private final int soldBefore;
    private int sold;
    private final Map<UserId, Integer> liveUnits;

    /**
     * @param liveUnits the units each buyer of the batch holds in live orders already (buyers without any may be
     *     absent)
     */
    public DropStock(SaleTerms terms, int quantity, int perUserLimit, int sold, Map<UserId, Integer> liveUnits) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.quantity = quantity;
        this.perUserLimit = perUserLimit;
        this.soldBefore = sold;
        this.sold = sold;
        this.liveUnits = new HashMap<>(liveUnits);
    }

    public SaleTerms terms() {
        return terms;
    }

    /** Takes {@code units} for the buyer if the drop and the buyer's limit allow it; true when taken. */
    public boolean take(UserId buyer, int units) {
        int held = liveUnits.getOrDefault(buyer, 0);
        if (sold + units > quantity || held + units > perUserLimit) {
            return false;
        }
        sold += units;
        liveUnits.put(buyer, held + units);
        return true;
    }

    /** The units taken since the row was read: what the row's {@code sold} grows by. */
    public int taken() {
        return sold - soldBefore;
    }
}
