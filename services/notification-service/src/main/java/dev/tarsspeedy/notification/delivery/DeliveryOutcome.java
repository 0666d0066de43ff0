package dev.tarsspeedy.notification.delivery;

/** What handling one request did. */
public enum DeliveryOutcome {
    /** The SMTP server accepted the mail and the log says so. */
    SENT,
    /** The log already said {@link DeliveryState#SENT}: nothing was sent. */
    DUPLICATE
}
