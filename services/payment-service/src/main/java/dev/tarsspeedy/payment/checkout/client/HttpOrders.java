package dev.tarsspeedy.payment.order;

import dev.tarsspeedy.payment.payment.Order;
import dev.tarsspeedy.payment.payment.OrderServiceUnavailableException;
import dev.tarsspeedy.payment.payment.Orders;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@link Orders} over the order service's {@code GET /internal/orders/{id}}: a read, so a failed call is tried once
 * more; 404 is "no such order".
 */
@Component
class HttpOrders implements Orders {

    private final OrderServiceApi api;
    private final Duration readTimeout;

    /** @param readTimeout enforced here: Boot 4.0.7's reactive client ignores a group's {@code read-timeout} */
    HttpOrders(OrderServiceApi api, @Value("${payment.order.read-timeout:3s}") Duration readTimeout) {
        this.api = api;
        this.readTimeout = readTimeout;
    }

    @Override
    public Mono<Order> find(UUID orderId) {
        return Mono.defer(() -> api.order(orderId))
                .timeout(readTimeout)
                .map(view -> new Order(
                        view.orderId(),
                        view.userId(),
                        view.status(),
                        view.amount(),
                        view.productName(),
                        view.quantity(),
                        view.expiresAt()))
                .onErrorResume(
                        WebClientResponseException.class,
                        error -> error.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                                ? Mono.empty()
                                : Mono.error(error))
                .retryWhen(Retry.backoff(1, Duration.ofMillis(100))
                        .filter(error -> !(error instanceof WebClientResponseException response)
                                || response.getStatusCode().is5xxServerError())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(
                        error -> !(error instanceof OrderServiceUnavailableException),
                        error -> new OrderServiceUnavailableException(
                                "order service could not say what order " + orderId + " is", error));
    }
}
