package dev.tarsspeedy.identity.mail.persistence;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.identity.mail.EmailRequests;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Codes and notices as {@link EmailRequested} events through the platform's outbox. */
@Component
class OutboxEmailRequests implements EmailRequests {

    private final EmailOutbox outbox;

    OutboxEmailRequests(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> request(EmailRequested email) {
        return outbox.requestEmail(email);
    }
}
