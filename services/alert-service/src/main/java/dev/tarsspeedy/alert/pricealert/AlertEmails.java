package dev.tarsspeedy.alert.pricealert;

import java.util.Map;
import reactor.core.publisher.Mono;

/** Requests the {@code price-alert} mail in the current transaction. */
public interface AlertEmails {

    String TEMPLATE = "price-alert";

    /**
     * @param variables the template's model; a {@code null} value is left out (the template shows "-")
     */
    Mono<Void> request(String to, String language, Map<String, Object> variables, String deduplicationKey);
}
