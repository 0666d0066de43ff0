package dev.tarsspeedy.alert.report;

import java.util.Map;
import reactor.core.publisher.Mono;

/** Asks the notification service for report mails (the {@code stock-report} template), in the caller's transaction. */
public interface ReportEmails {

    String TEMPLATE = "stock-report";

    /** A scheduled report: bulk mail with RFC 8058 one-click unsubscribe. */
    Mono<Void> scheduled(String to, String language, Map<String, Object> model, String key, String unsubscribeUrl);

    /** A report the user asked for now: transactional mail. */
    Mono<Void> requested(String to, String language, Map<String, Object> model, String key);
}
