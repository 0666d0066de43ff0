package dev.tarsspeedy.catalog.drop.client;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * The order service's internal stock endpoint ({@code spring.http.serviceclient.order.base-url}): drops it does not
 * know are absent from the answer.
 */
@HttpExchange("/internal/drops")
interface OrderStockClient {

    @GetExchange("/stock")
    Mono<List<StockEntry>> stock(@RequestParam("dropId") List<UUID> dropIds);

    /** One drop's stock as the order service reports it. */
    record StockEntry(UUID dropId, int remaining, int sold) {}
}
