package dev.tarsspeedy.order.order.web;

import dev.tarsspeedy.order.ids.OrderId;
import dev.tarsspeedy.order.order.Order;
import dev.tarsspeedy.order.order.OrderNotCancellableException;
import dev.tarsspeedy.order.order.OrderNotFoundException;
import dev.tarsspeedy.order.order.OrderNotReadyException;
import dev.tarsspeedy.order.order.OrderNotReturnableException;
import dev.tarsspeedy.order.order.OrderService;
import dev.tarsspeedy.order.order.OrderView;
import dev.tarsspeedy.order.web.CurrentUser;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

    OrderController(OrderService orders) {
        this.orders = orders;
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
    Mono<OrderResponse> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return orders.get(OrderId.of(id), CurrentUser.of(jwt))
                .map(OrderResponse::of)
                .onErrorMap(OrderNotFoundException.class, OrderController::notFound);
    }

    @GetMapping("/api/orders")
    Mono<OrderPageResponse> mine(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal Jwt jwt) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.localized(
                    HttpStatus.BAD_REQUEST, "invalid-page", "invalid-page.detail", MAX_PAGE_SIZE);
        }
        return orders.mine(CurrentUser.of(jwt), page, size)
                .map(result -> new OrderPageResponse(
                        result.items().stream().map(OrderSummary::of).toList(),
                        result.page(),
                        result.size(),
                        result.total()));
    }

    @PostMapping("/api/orders/{id}/cancel")
    Mono<OrderResponse> cancel(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return orders.cancel(OrderId.of(id), CurrentUser.of(jwt))
                .map(OrderResponse::of)
                .onErrorMap(OrderNotFoundException.class, OrderController::notFound)
                .onErrorMap(
                        OrderNotCancellableException.class,
                        e -> ProblemException.localized(
                                        HttpStatus.CONFLICT,
                                        "order-not-cancellable",
                                        "order-not-cancellable.detail",
                                        e.status().name())
                                .with("orderStatus", e.status().name()))
                .onErrorMap(
                        OrderNotReadyException.class,
                        e -> new ProblemException(HttpStatus.CONFLICT, "order-not-ready", null)
                                .withHeader(HttpHeaders.RETRY_AFTER, "1"));
    }

    @PostMapping("/api/orders/{id}/return")
    Mono<OrderResponse> requestReturn(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return orders.requestReturn(OrderId.of(id), CurrentUser.of(jwt))
                .map(OrderResponse::of)
                .onErrorMap(OrderNotFoundException.class, OrderController::notFound)
                .onErrorMap(
                        OrderNotReturnableException.class,
                        e -> e.windowClosedAt() == null
                                ? ProblemException.localized(
                                                HttpStatus.CONFLICT,
                                                "order-not-returnable",
                                                "order-not-returnable.detail",
                                                e.status().name())
                                        .with("orderStatus", e.status().name())
                                : ProblemException.localized(
                                                HttpStatus.CONFLICT,
                                                "return-window-closed",
                                                "return-window-closed.detail",
                                                e.windowClosedAt().toString())
                                        .with("orderStatus", e.status().name())
                                        .with(
                                                "windowClosedAt",
                                                e.windowClosedAt().toString()));
    }

    private static ProblemException notFound(OrderNotFoundException e) {
        return new ProblemException(HttpStatus.NOT_FOUND, "order-not-found", null);
    }
}
