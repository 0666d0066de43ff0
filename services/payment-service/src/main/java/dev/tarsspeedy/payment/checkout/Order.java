package dev.tarsspeedy.payment.checkout;

import dev.tarsspeedy.payment.OrderId;
import dev.tarsspeedy.payment.UserId;
import java.time.Instant;

/**
 * An order as the order service shows it: the only source of what is paid and how much.
 *
 * @param status {@code PENDING_PAYMENT} is the one payable status
 * @param amount whole Korean won
 */
public record Order(
        OrderId orderId,
        UserId userId,
        String status,
        long amount,
        String productName,
        int quantity,
        Instant expiresAt) {

    public static final String PAYABLE = "PENDING_PAYMENT";
}
