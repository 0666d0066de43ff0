package dev.tarsspeedy.order.sale;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The drop copy's settings, under {@code order} (services/order-service/README.md lists each with its environment
 * variable). Every duration is configurable so that tests run fast.
 */
@ConfigurationProperties("order")
public record SaleSettings(
        @DefaultValue Catalog catalog,
        @DefaultValue WarmUp warmUp,
        @DefaultValue SoldOut buy) {

    /**
     * The in-memory copy of the drops.
     *
     * @param refreshPeriod how often every instance reloads the drops near their window from the database (changes
     *     applied by another instance reach this one at the latest then)
     * @param unknownTtl how long an unknown drop id is remembered as unknown (a flood of made-up ids reads the
     *     database once per id and period)
     * @param keepAfterClose how long after closing a drop stays relevant (relay, reconciliation, live stock)
     */
    public record Catalog(
            @DefaultValue("5s") Duration refreshPeriod,
            @DefaultValue("2s") Duration unknownTtl,
            @DefaultValue("1h") Duration keepAfterClose) {}

    /**
     * Loading drops into Redis ahead of their opening.
     *
     * @param leadTime drops opening within this time are loaded if their keys are missing
     * @param period how often the warm-up job runs
     */
    public record WarmUp(
            @DefaultValue("5m") Duration leadTime,
            @DefaultValue("30s") Duration period) {}

    /**
     * This instance's memory of sold-out drops ({@code order.buy.sold-out-ttl}).
     *
     * @param soldOutTtl how long an instance answers "sold out" from memory after Redis said so
     */
    public record SoldOut(@DefaultValue("1s") Duration soldOutTtl) {}
}
