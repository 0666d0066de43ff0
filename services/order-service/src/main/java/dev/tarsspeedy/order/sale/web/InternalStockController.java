package dev.tarsspeedy.order.sale.web;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.sale.StockQuery;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Stock for the catalog service: cluster-internal, without a token. The gateway does not route {@code /internal/**};
 * the network must keep it unreachable from outside (see the README).
 */
@RestController
class InternalStockController {

    private static final int MAX_DROPS = 200;

    private final StockQuery stock;

    InternalStockController(StockQuery stock) {
        this.stock = stock;
    }

    record DropStock(UUID dropId, int remaining, int sold) {}

    @GetMapping("/internal/drops/stock")
    Flux<DropStock> stock(@RequestParam(name = "dropId") List<UUID> dropIds) {
        if (dropIds.size() > MAX_DROPS) {
            throw SaleProblems.tooManyDrops(MAX_DROPS);
        }
        return stock.of(dropIds.stream().map(DropId::of).toList())
                .map(s -> new DropStock(s.dropId().value(), s.remaining(), s.sold()));
    }
}
