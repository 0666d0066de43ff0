package dev.tarsspeedy.platform.events.outbox;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.events.EventEnvelope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The one way a service asks for an email: an {@link EmailRequested} through the outbox, in the caller's
 * transaction, keyed by the recipient's address as the contract says (mail to one person keeps its order).
 */
public final class EmailOutbox {

    /** The topic email requests go to: a service that requests emails declares it with its other topics. */
    public static final String TOPIC = EmailRequested.TOPIC;

    private final OutboxWriter outbox;
    private final Clock clock;

    public EmailOutbox(OutboxWriter outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a transactional email (a code, a receipt: sent because the user acted) for the notification service, in
     * the current transaction. The service names what to send; the request itself is built here.
     *
     * @param template the notification service's template id ({@code signup-verification})
     * @param to the recipient's address
     * @param language {@code ko} or {@code en}
     * @param variables the values the template uses, by name
     * @param deduplicationKey one per intended email ({@code identity:signup-code:<codeId>}): sent once however
     *     often it is delivered
     */
    public Mono<Void> requestEmail(
            String template, String to, String language, Map<String, ?> variables, String deduplicationKey) {
        return Mono.defer(() -> requestEmail(new EmailRequested(
                deduplicationKey,
                template,
                language,
                to,
                Map.<String, Object>copyOf(variables),
                EmailRequested.Category.TRANSACTIONAL,
                null)));
    }

    /**
     * Stores a bulk email (a report, a reminder: sent on a schedule) for the notification service, in the current
     * transaction. Bulk mail always carries RFC 8058 one-click unsubscribe headers, so it needs the URL.
     *
     * @param unsubscribeUrl where one click (a POST) turns this kind of email off for the recipient
     * @see #requestEmail(String, String, String, Map, String)
     */
    public Mono<Void> requestBulkEmail(
            String template,
            String to,
            String language,
            Map<String, ?> variables,
            String deduplicationKey,
            String unsubscribeUrl) {
        return Mono.defer(() -> {
            if (unsubscribeUrl == null || unsubscribeUrl.isBlank()) {
                return Mono.error(new IllegalArgumentException(
                        "bulk email " + template + " needs a one-click unsubscribe URL (RFC 8058)"));
            }
            return requestEmail(new EmailRequested(
                    deduplicationKey,
                    template,
                    language,
                    to,
                    Map.<String, Object>copyOf(variables),
                    EmailRequested.Category.BULK,
                    unsubscribeUrl));
        });
    }

    /**
     * Stores a request a service built itself; services use the two methods above, which build it. See
     * {@link OutboxWriter}.
     */
    public Mono<Void> requestEmail(EmailRequested request) {
        return Mono.defer(() -> outbox.append(
                EmailRequested.TOPIC,
                EventEnvelope.of(EmailRequested.TYPE, EmailRequested.VERSION, request.to(), request, clock)));
    }

    /**
     * Stores many bulk emails at once, in the current transaction, with multi-row inserts
     * ({@link OutboxWriter#appendAll}): for a job that requests thousands of mails per transaction. Each one as
     * {@link #requestBulkEmail}; one without an unsubscribe URL fails the whole call before anything is written.
     */
    public Mono<Void> requestBulkEmails(List<BulkEmail> emails) {
        return Mono.defer(() -> {
            List<EventEnvelope> events = new ArrayList<>(emails.size());
            for (BulkEmail email : emails) {
                if (email.unsubscribeUrl() == null || email.unsubscribeUrl().isBlank()) {
                    return Mono.error(new IllegalArgumentException(
                            "bulk email " + email.template() + " needs a one-click unsubscribe URL (RFC 8058)"));
                }
                EmailRequested request = new EmailRequested(
                        email.deduplicationKey(),
                        email.template(),
                        email.language(),
                        email.to(),
                        Map.<String, Object>copyOf(email.variables()),
                        EmailRequested.Category.BULK,
                        email.unsubscribeUrl());
                events.add(EventEnvelope.of(EmailRequested.TYPE, EmailRequested.VERSION, request.to(), request, clock));
            }
            return outbox.appendAll(EmailRequested.TOPIC, events);
        });
    }

    /** One bulk email of {@link #requestBulkEmails}: the arguments of {@link #requestBulkEmail}. */
    public record BulkEmail(
            String template,
            String to,
            String language,
            Map<String, ?> variables,
            String deduplicationKey,
            String unsubscribeUrl) {}
}
