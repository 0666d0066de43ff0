package dev.tarsspeedy.order.lifecycle.web;

import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.lifecycle.Order;
import dev.tarsspeedy.order.lifecycle.OrderQuery;
import dev.tarsspeedy.order.lifecycle.OrderService;
import dev.tarsspeedy.order.lifecycle.OrderView;
import dev.tarsspeedy.platform.caller.Caller;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A buyer's orders. Another buyer's order is answered like one that does not exist (404). Problems take their
 * details from the problems bundle, in the reader's language.
 */
@RestController
class OrderController {

    private static final int MAX_PAGE_SIZE = 100;

    private final OrderService orders;
    private final OrderQuery query;

    OrderController(OrderService orders, OrderQuery query) {
        this.orders = orders;
        this.query = query;
    }

    record HistoryEntry(String status, Instant at) {}

    record OrderResponse(
            UUID id,
            UUID dropId,
            String productName,
            int quantity,
            long amount,
            String status,
            Instant expiresAt,
            Instant createdAt,
            Instant paidAt,
            Instant deliveredAt,
            Instant refundedAt,
            List<HistoryEntry> history) {

        static OrderResponse of(OrderView view) {
            Order order = view.order();
            return new OrderResponse(
                    order.id().value(),
                    order.dropId().value(),
                    order.productName(),
                    order.quantity(),
                    order.amount(),
                    order.status().name(),
                    order.expiresAt(),
                    order.createdAt(),
                    order.paidAt(),
                    order.deliveredAt(),
                    order.refundedAt(),
                    view.history().stream()
                            .map(change -> new HistoryEntry(change.status(), change.at()))
                            .toList());
        }
    }

    record OrderSummary(
            UUID id,
            UUID dropId,
            String productName,
            int quantity,
            long amount,
            String status,
            Instant expiresAt,
            Instant createdAt) {

        static OrderSummary of(Order order) {
            return new OrderSummary(
                    order.id().value(),
                    order.dropId().value(),
                    order.productName(),
                    order.quantity(),
                    order.amount(),
                    order.status().name(),
                    order.expiresAt(),
                    order.createdAt());
        }
    }

    record OrderPageResponse(List<OrderSummary> items, int page, int size, long total) {}

    @GetMapping("/api/orders/{id}")
    Mono<OrderResponse> get(@PathVariable UUID id, Caller caller) {
        return query.get(OrderId.of(id), new UserId(caller.id()))
                .map(OrderResponse::of)
                .onErrorMap(OrderProblems::of);
    }

    @GetMapping("/api/orders")
    Mono<OrderPageResponse> mine(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Caller caller) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw OrderProblems.invalidPage(MAX_PAGE_SIZE);
        }
        return query.mine(new UserId(caller.id()), page, size)
                .map(result -> new OrderPageResponse(
                        result.items().stream().map(OrderSummary::of).toList(),
                        result.page(),
                        result.size(),
                        result.total()));
    }

    @PostMapping("/api/orders/{id}/cancel")
    Mono<OrderResponse> cancel(@PathVariable UUID id, Caller caller) {
        return orders.cancel(OrderId.of(id), new UserId(caller.id()))
                .map(OrderResponse::of)
                .onErrorMap(OrderProblems::of);
    }

    @PostMapping("/api/orders/{id}/return")
    Mono<OrderResponse> requestReturn(@PathVariable UUID id, Caller caller) {
        return orders.requestReturn(OrderId.of(id), new UserId(caller.id()))
                .map(OrderResponse::of)
                .onErrorMap(OrderProblems::of);
    }
}
