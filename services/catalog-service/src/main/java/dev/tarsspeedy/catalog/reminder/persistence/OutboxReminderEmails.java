package dev.tarsspeedy.catalog.reminder.persistence;

import dev.tarsspeedy.catalog.reminder.ReminderEmails;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link EmailRequested} events through the transactional outbox, keyed by the recipient's address. */
@Component
class OutboxReminderEmails implements ReminderEmails {

    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxReminderEmails(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> request(EmailRequested email) {
        return Mono.defer(() -> outbox.append(
                EmailRequested.TOPIC,
                EventEnvelope.of(EmailRequested.TYPE, EmailRequested.VERSION, email.to(), email, clock)));
    }
}
