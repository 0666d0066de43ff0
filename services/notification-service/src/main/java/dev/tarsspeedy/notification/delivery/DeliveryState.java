package dev.tarsspeedy.notification.delivery;

/** Where one request (one idempotency key) stands in the delivery log. */
public enum DeliveryState {
    /** Read from Kafka, not yet tried. */
    RECEIVED,
    /**
     * An instance is handing it to the SMTP server right now, holding a lease. Found with an expired lease, the
     * instance died (or hung) mid-send: the mail may or may not have left, and it is sent again with the same
     * Message-ID.
     */
    SENDING,
    /** The SMTP server accepted it. Final: a request found here is never sent again. */
    SENT,
    /** The last attempt failed; the request is retried (or, once retries are exhausted, dead-lettered). */
    FAILED,
    /** Parked on the dead-letter topic. Replaying it from there tries again. */
    DEAD_LETTERED
}
