package dev.tarsspeedy.catalog.reminder.persistence;

import dev.tarsspeedy.catalog.reminder.ReminderEmails;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reminders as {@link EmailRequested} events through the platform's outbox. */
@Component
class OutboxReminderEmails implements ReminderEmails {

    private final EmailOutbox outbox;

    OutboxReminderEmails(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> request(EmailRequested email) {
        return outbox.requestEmail(email);
    }
}
