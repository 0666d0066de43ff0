package dev.tarsspeedy.alert.pricealert.persistence;

import dev.tarsspeedy.alert.pricealert.AlertEmails;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The alert mail as a transactional email request through the platform's outbox. */
@Component
class OutboxAlertEmails implements AlertEmails {

    private final EmailOutbox outbox;

    OutboxAlertEmails(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> request(String to, String language, Map<String, Object> variables, String deduplicationKey) {
        // The request's variables are an immutable map without nulls: a missing value is an absent key.
        Map<String, Object> present = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return outbox.requestEmail(TEMPLATE, to, language, present, deduplicationKey);
    }
}
