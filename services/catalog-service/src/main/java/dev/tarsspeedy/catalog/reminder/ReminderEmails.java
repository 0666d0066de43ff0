package dev.tarsspeedy.catalog.reminder;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Asks the notification service for an email, the only way this service sends mail; stored with the caller's
 * transaction and published after it commits.
 */
public interface ReminderEmails {

    /**
     * One reminder email: bulk mail with one-click unsubscribe.
     *
     * @param deduplicationKey one per wishlist entry and drop: sent once however often it is requested
     * @param language {@code ko} or {@code en}
     * @param variables the {@code drop-reminder} template's values
     */
    record ReminderEmail(
            String deduplicationKey,
            String to,
            String language,
            Map<String, Object> variables,
            String unsubscribeUrl) {}

    Mono<Void> request(ReminderEmail email);
}
