package dev.tarsspeedy.notification.delivery;

import java.time.Instant;

/**
 * One row of the delivery log: the state of one request, unique per idempotency key.
 *
 * @param locale the language the mail was asked for in ({@code ko}, {@code en})
 * @param category {@code TRANSACTIONAL} or {@code BULK}
 * @param attempts how often the request was claimed for sending (handed to SMTP or about to be)
 * @param messageId the Message-ID every copy of this mail carries, derived from the idempotency key
 * @param lastError why the last attempt failed, or why the request was dead-lettered; {@code null} otherwise
 * @param leaseUntil while {@link DeliveryState#SENDING}, until when the sending instance holds the request
 */
public record DeliveryRecord(
        String idempotencyKey,
        String template,
        String recipient,
        String locale,
        String category,
        DeliveryState state,
        int attempts,
        String messageId,
        String lastError,
        Instant leaseUntil,
        Instant receivedAt,
        Instant sentAt,
        Instant updatedAt) {}
