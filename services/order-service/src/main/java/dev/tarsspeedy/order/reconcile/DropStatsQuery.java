package dev.tarsspeedy.order.reconcile;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.buying.DropNotFoundException;
import dev.tarsspeedy.order.lifecycle.OrderQuery;
import dev.tarsspeedy.order.sale.StockQuery;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Quantity, sold, remaining, live orders and the last reconciliation of a drop. */
@Service
public class DropStatsQuery {

    private final StockQuery stock;
    private final OrderQuery orders;
    private final ReconciliationRepository reconciliations;

    public DropStatsQuery(StockQuery stock, OrderQuery orders, ReconciliationRepository reconciliations) {
        this.stock = stock;
        this.orders = orders;
        this.reconciliations = reconciliations;
    }

    public Mono<DropStats> of(DropId id) {
        return stock.of(id)
                .switchIfEmpty(Mono.error(() -> new DropNotFoundException(id)))
                .flatMap(s -> orders.ordersOf(id)
                        .filter(order -> order.status().holdsStock())
                        .count()
                        .flatMap(live -> reconciliations
                                .find(id)
                                .map(r -> new DropStats(id, s.quantity(), s.sold(), s.remaining(), live, r))
                                .defaultIfEmpty(new DropStats(id, s.quantity(), s.sold(), s.remaining(), live, null))));
    }
}
