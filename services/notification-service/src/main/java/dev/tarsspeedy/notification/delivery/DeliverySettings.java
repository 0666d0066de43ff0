package dev.tarsspeedy.notification.delivery;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where requests come from and how mail is sent: the delivery feature's settings. Every key has an environment
 * variable (services/notification-service/README.md).
 *
 * @param from the {@code From} header, {@code Display Name <address>} or a bare address
 * @param messageIdDomain the domain of every Message-ID; empty: the domain of {@code from}
 * @param concurrency how many mails are handed to the SMTP server at the same time (also the number of Kafka consumer
 *     threads; the topic needs at least as many partitions for all of them to work)
 * @param sendTimeout how long the listener waits for one request's send (the send itself is bounded by the SMTP
 *     client's timeouts and goes on after this; its result is still recorded)
 * @param sendingLease how long a claimed request stays reserved for the instance sending it; a request still
 *     {@code SENDING} after that is presumed abandoned (its instance died) and is sent again. Longer than any send
 *     can take, and longer than {@code sendTimeout}
 * @param logRetention rows in a final state (sent, dead-lettered) are deleted after this long; a redelivery of an
 *     older request would be sent again, so keep it well above the topic's retention
 * @param logCleanupInterval how often old rows are deleted
 * @param topic the topic of {@code EmailRequested} envelopes; failures go to {@code <topic>.dlt}
 * @param groupId the consumer group; every instance of the service shares it
 * @param partitions the partitions the service creates the topic (and its dead-letter topic) with when they do not
 *     exist, or grows them to; at least {@code concurrency} so that every consumer thread works. {@code 0}: leave
 *     topics to the brokers or the operators
 * @param smtpConnectionMaxIdle how long an SMTP connection is kept open after a send for the next one; {@code 0}: a
 *     connection per mail. Well below the server's idle timeout (RFC 5321 asks servers for at least 5 minutes)
 * @param smtpMessagesPerConnection mails sent over one connection before it is closed and a new one opened
 */
@ConfigurationProperties("notification.delivery")
public record DeliverySettings(
        @DefaultValue("TARS & Speedy <no-reply@tars-speedy.dev>")
        String from,

        @DefaultValue("") String messageIdDomain,
        @DefaultValue("4") int concurrency,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("2m") Duration sendingLease,
        @DefaultValue("30d") Duration logRetention,
        @DefaultValue("1h") Duration logCleanupInterval,
        @DefaultValue(EmailRequested.TOPIC) String topic,
        @DefaultValue("notification-service") String groupId,
        @DefaultValue("4") int partitions,
        @DefaultValue("10s") Duration smtpConnectionMaxIdle,
        @DefaultValue("100") int smtpMessagesPerConnection) {

    public DeliverySettings {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("notification.delivery.from must name the sender");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("notification.delivery.concurrency must be >= 1");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("notification.delivery.send-timeout must be positive");
        }
        if (smtpConnectionMaxIdle.isNegative()) {
            throw new IllegalArgumentException("notification.delivery.smtp-connection-max-idle must not be negative");
        }
        if (smtpMessagesPerConnection < 1) {
            throw new IllegalArgumentException("notification.delivery.smtp-messages-per-connection must be >= 1");
        }
        if (!logCleanupInterval.isPositive()) {
            throw new IllegalArgumentException("notification.delivery.log-cleanup-interval must be positive");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("notification.delivery.topic must not be blank");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("notification.delivery.partitions must be >= 0");
        }
        if (sendingLease.compareTo(sendTimeout) <= 0) {
            // A lease that ends while its own send may still run would let a retry send the mail a second time.
            throw new IllegalArgumentException("notification.delivery.sending-lease (" + sendingLease
                    + ") must be longer than send-timeout (" + sendTimeout + ")");
        }
    }

    /** Message-IDs in {@link #messageIdDomain()}, or the domain of {@link #from()}. */
    public MessageIds messageIds() {
        return messageIdDomain.isBlank() ? MessageIds.forSender(from) : new MessageIds(messageIdDomain);
    }
}
