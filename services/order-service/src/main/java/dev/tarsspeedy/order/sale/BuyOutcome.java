package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.OrderId;
import java.time.Instant;

/**
 * What the buy script answered.
 *
 * @param orderId the reservation's order id for {@code OK} and {@code DUPLICATE}, otherwise {@code null}
 * @param expiresAt when the reservation expires unless paid, for {@code OK} and {@code DUPLICATE}
 * @param remaining units left after the attempt
 */
public record BuyOutcome(Code code, OrderId orderId, Instant expiresAt, int remaining) {

    /** The script's return codes (buy.lua). */
    public enum Code {
        OK,
        DUPLICATE,
        ABSENT,
        NOT_OPEN,
        CLOSED,
        LIMIT,
        SOLD_OUT
    }
}
