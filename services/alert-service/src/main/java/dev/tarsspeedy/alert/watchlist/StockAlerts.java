package dev.tarsspeedy.alert.watchlist;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A user's price alerts on one stock, as the watchlist needs them when the stock is removed. Implemented by the price
 * alerts feature; both calls run in the caller's transaction.
 */
public interface StockAlerts {

    /** The ids of the user's alerts on the symbol (any state), oldest first. */
    Mono<List<AlertId>> of(UserId user, Symbol symbol);

    /** Deletes the user's alerts on the symbol. */
    Mono<Void> deleteAll(UserId user, Symbol symbol);
}
