package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;
import reactor.core.publisher.Mono;

/** The order service, as far as payments need it. */
public interface Orders {

    /**
     * The order, empty when the order service does not know it.
     *
     * @throws OrderServiceUnavailableException (as the error signal) when the order service cannot answer
     */
    Mono<Order> find(OrderId orderId);
}
