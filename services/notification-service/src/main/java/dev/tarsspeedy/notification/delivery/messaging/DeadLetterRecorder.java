package dev.tarsspeedy.notification.delivery.messaging;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.notification.delivery.DeliveryFailedException;
import dev.tarsspeedy.notification.delivery.DeliveryService;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.Topics;
import dev.tarsspeedy.platform.events.UnreadableEventException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Hears the platform's error handler: logs every failed attempt, and once a record is stored on the dead-letter topic
 * marks its request {@code DEAD_LETTERED} in the delivery log with the reason and counts it.
 */
@Component
class DeadLetterRecorder implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);
    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(10);

    private final DeliveryService deliveries;
    /** The last failed attempt per partition: one record of a partition is retried at a time. */
    private final Map<String, Attempt> lastAttempts = new ConcurrentHashMap<>();

    DeadLetterRecorder(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        lastAttempts.put(partition(record), new Attempt(record.offset(), deliveryAttempt));
        log.debug(
                "attempt {} of {}-{}@{} failed: {}",
                deliveryAttempt,
                record.topic(),
                record.partition(),
                record.offset(),
                reason(ex));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        Attempt last = lastAttempts.remove(partition(record));
        int attempts = last != null && last.offset() == record.offset() ? last.attempt() : 1;
        String reason = "dead-lettered after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + reason(ex);
        String deadLetterTopic = Topics.deadLetter(record.topic());
        EmailRequested request = readable(record);
        if (request == null) {
            deliveries.deadLetteredUnreadable();
            log.error(
                    "unreadable record {}-{}@{} (key {}) parked on {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    deadLetterTopic,
                    reason);
            return;
        }
        log.error(
                "'{}' (template {}, to {}) parked on {}: {}",
                request.idempotencyKey(),
                request.template(),
                request.to(),
                deadLetterTopic,
                reason);
        try {
            deliveries.deadLettered(request, reason).block(RECORD_TIMEOUT);
        } catch (RuntimeException e) {
            // The dead-letter record is stored; the log row merely lags (FAILED or SENDING instead of DEAD_LETTERED).
            log.warn(
                    "could not mark '{}' DEAD_LETTERED in the delivery log: {}",
                    request.idempotencyKey(),
                    e.toString());
        }
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error(
                "could not dead-letter {}-{}@{} ({}); it is tried again: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason(original),
                failure.toString());
    }

    private static String partition(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition();
    }

    private record Attempt(long offset, int attempt) {}

    private static EmailRequested readable(ConsumerRecord<?, ?> record) {
        if (!(record.value() instanceof EventEnvelope envelope)) {
            return null;
        }
        try {
            return EmailRequestedListener.request(envelope);
        } catch (RejectedRequestException | UnreadableEventException e) {
            return null;
        }
    }

    /** The exception that says why: ours or the platform's, not the container's wrapper around it. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RejectedRequestException
                    || t instanceof DeliveryFailedException
                    || t instanceof UnreadableEventException) {
                return t.getMessage();
            }
            root = t;
        }
        return root == null ? "unknown" : root.toString();
    }
}
