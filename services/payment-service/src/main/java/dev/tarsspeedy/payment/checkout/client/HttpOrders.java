package dev.tarsspeedy.payment.checkout.client;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.UserId;
import dev.tarsspeedy.payment.checkout.CheckoutSettings;
import dev.tarsspeedy.payment.checkout.Order;
import dev.tarsspeedy.payment.checkout.OrderServiceUnavailableException;
import dev.tarsspeedy.payment.checkout.Orders;
import java.time.Duration;
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

    /** The read timeout is enforced here: Boot 4.0.7's reactive client ignores a group's {@code read-timeout}. */
    HttpOrders(OrderServiceApi api, CheckoutSettings settings) {
        this.api = api;
        this.readTimeout = settings.order().readTimeout();
    }

    @Override
    public Mono<Order> find(OrderId orderId) {
        return Mono.defer(() -> api.order(orderId.value()))
                .timeout(readTimeout)
                .map(view -> new Order(
                        new OrderId(view.orderId()),
                        new UserId(view.userId()),
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
