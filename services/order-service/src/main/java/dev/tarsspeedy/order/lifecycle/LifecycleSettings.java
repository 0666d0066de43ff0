package dev.tarsspeedy.order.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order lifecycle's settings, under {@code order} (services/order-service/README.md lists each with its
 * environment variable). Every duration is configurable so that tests run fast.
 */
@ConfigurationProperties("order")
public record LifecycleSettings(
        @DefaultValue Expiry expiry,
        @DefaultValue Delivery delivery,
        @DefaultValue Returns returns) {

    /**
     * Unpaid orders.
     *
     * @param hold how long an unpaid order holds its units (the buy script's holdMillis)
     * @param period how often the expiry job looks for overdue orders
     * @param batchSize orders expired per run at most
     */
    public record Expiry(
            @DefaultValue("10m") Duration hold,
            @DefaultValue("5s") Duration period,
            @DefaultValue("200") int batchSize) {}

    /**
     * The delivery steps of paid orders (a stand-in for a warehouse and a carrier), each after a time in the step
     * before.
     *
     * @param period how often the delivery job looks for orders due for their next step
     * @param preparingAfter PAID to PREPARING this long after the payment
     * @param shippingAfter PREPARING to SHIPPING this long after preparing began
     * @param deliveredAfter SHIPPING to DELIVERED this long after shipping began
     * @param batchSize orders moved per step and run at most
     */
    public record Delivery(
            @DefaultValue("1m") Duration period,
            @DefaultValue("1d") Duration preparingAfter,
            @DefaultValue("1d") Duration shippingAfter,
            @DefaultValue("1d") Duration deliveredAfter,
            @DefaultValue("200") int batchSize) {

        /** How long an order stays in {@code status} before the delivery job moves it on. */
        public Duration after(OrderStatus status) {
            return switch (status) {
                case PAID -> preparingAfter;
                case PREPARING -> shippingAfter;
                case SHIPPING -> deliveredAfter;
                default -> throw new IllegalArgumentException(status + " is not a delivery step");
            };
        }
    }

    /**
     * Returns of delivered orders.
     *
     * @param window how long after delivery the buyer may ask to return an order
     * @param processing RETURN_REQUESTED to RETURNED (units back, payment refunded) this long after the request
     * @param period how often the return job looks for returns due
     */
    public record Returns(
            @DefaultValue("1d") Duration window,
            @DefaultValue("1d") Duration processing,
            @DefaultValue("1m") Duration period) {}
}
