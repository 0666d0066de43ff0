package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.DropId;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Units left and sold per drop: remaining from Redis, from the database when the keys are absent. */
@Service
public class StockQuery {

    private final SaleRepository sales;
    private final SaleStore store;

    public StockQuery(SaleRepository sales, SaleStore store) {
        this.sales = sales;
        this.store = store;
    }

    /** One drop's stock. */
    public record Stock(DropId dropId, int quantity, int remaining, int sold) {}

    /** The stock of each known drop, in the order asked; unknown drops are left out. */
    public Flux<Stock> of(List<DropId> drops) {
        return Flux.fromIterable(drops).distinct().concatMap(this::of);
    }

    public Mono<Stock> of(DropId id) {
        return sales.find(id)
                .flatMap(drop -> sales.sold(id)
                        .flatMap(sold -> store.stock(id)
                                .defaultIfEmpty(Math.max(0, drop.quantity() - sold))
                                .map(remaining -> new Stock(id, drop.quantity(), remaining, sold))));
    }
}
