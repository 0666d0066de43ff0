package dev.tarsspeedy.notification.delivery.messaging;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.notification.delivery.DeliveryService;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import dev.tarsspeedy.platform.events.EventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code EmailRequested} envelopes and delivers each one before the next of its partition. A listener that
 * throws hands the record to the platform's error handler: {@link RejectedRequestException} (and an unreadable
 * payload) go to the dead-letter topic at once, anything else is retried with back-off first
 * ({@link DeadLetterRecorder} notes both in the delivery log).
 */
@Component
class EmailRequestedListener {

    private final DeliveryService deliveries;

    EmailRequestedListener(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @KafkaListener(
            id = "email-requested",
            topics = "${notification.delivery.topic}",
            groupId = "${notification.delivery.group-id}",
            concurrency = "${notification.delivery.concurrency}")
    void on(EventEnvelope event) {
        deliveries.deliverAndWait(request(event));
    }

    /** The envelope's payload as a request (an unreadable one throws the platform's non-retried exception). */
    static EmailRequested request(EventEnvelope event) {
        if (!EmailRequested.TYPE.equals(event.type()) || event.version() != EmailRequested.VERSION) {
            throw new RejectedRequestException("expected " + EmailRequested.TYPE + " v" + EmailRequested.VERSION
                    + ", got " + event.type() + " v" + event.version() + " (event " + event.id() + ")");
        }
        return event.payloadAs(EmailRequested.class);
    }
}
