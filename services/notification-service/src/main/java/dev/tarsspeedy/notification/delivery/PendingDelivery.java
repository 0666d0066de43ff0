package dev.tarsspeedy.notification.delivery;

/** What the delivery log records about a new request. */
public record PendingDelivery(
        String idempotencyKey, String template, String locale, String recipient, String category, String messageId) {}
