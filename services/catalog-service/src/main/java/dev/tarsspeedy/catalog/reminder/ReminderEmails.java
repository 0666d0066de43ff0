package dev.tarsspeedy.catalog.reminder;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import reactor.core.publisher.Mono;

/**
 * Asks the notification service for an email, the only way this service sends mail; stored with the caller's
 * transaction and published after it commits.
 */
public interface ReminderEmails {

    Mono<Void> request(EmailRequested email);
}
