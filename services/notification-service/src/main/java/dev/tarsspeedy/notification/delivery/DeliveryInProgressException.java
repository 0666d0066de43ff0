package dev.tarsspeedy.notification.delivery;

import java.time.Instant;

/**
 * Another attempt holds the request ({@link DeliveryState#SENDING} with a lease that has not expired): it may be
 * sending the mail right now, so this one must not. Retried like any transient failure; by then the other attempt has
 * finished ({@code SENT}: skipped; {@code FAILED}: claimed) or its lease has expired (claimed and resent).
 */
public class DeliveryInProgressException extends DeliveryFailedException {

    public DeliveryInProgressException(String idempotencyKey, Instant leaseUntil) {
        super("another attempt is sending '" + idempotencyKey + "' (lease until " + leaseUntil + "); retrying later");
    }
}
