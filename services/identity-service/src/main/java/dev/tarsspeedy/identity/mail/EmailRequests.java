package dev.tarsspeedy.identity.mail;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import reactor.core.publisher.Mono;

/**
 * Asks the notification service for an email, the only way this service sends mail. The request is stored with the
 * caller's transaction and published after it commits; it fails outside a transaction.
 */
public interface EmailRequests {

    Mono<Void> request(EmailRequested email);
}
