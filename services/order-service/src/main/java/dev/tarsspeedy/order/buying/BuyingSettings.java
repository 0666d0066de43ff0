package dev.tarsspeedy.order.buying;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The buy path's settings, under {@code order.buy} (the sold-out memory's time to live is the sale's, see
 * {@code SaleSettings}; the hold is the order lifecycle's, see {@code LifecycleSettings}).
 *
 * @param absentRetryAfter the Retry-After of the 503 when a drop's Redis keys are missing (being rebuilt)
 */
@ConfigurationProperties("order.buy")
public record BuyingSettings(@DefaultValue("2s") Duration absentRetryAfter) {}
