package dev.tarsspeedy.catalog.reminder.persistence;

import dev.tarsspeedy.catalog.reminder.ReminderEmails;
import dev.tarsspeedy.catalog.reminder.ReminderService;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reminders as bulk email requests through the platform's outbox. */
@Component
class OutboxReminderEmails implements ReminderEmails {

    private final EmailOutbox outbox;

    OutboxReminderEmails(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> request(ReminderEmail email) {
        return outbox.requestBulkEmail(
                ReminderService.TEMPLATE,
                email.to(),
                email.language(),
                email.variables(),
                email.deduplicationKey(),
                email.unsubscribeUrl());
    }
}
