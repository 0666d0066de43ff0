package dev.tarsspeedy.alert.report;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Asks the notification service for report mails (the {@code stock-report} template), in the caller's transaction. */
public interface ReportEmails {

    String TEMPLATE = "stock-report";

    /**
     * Scheduled reports: bulk mail with RFC 8058 one-click unsubscribe, all written together (a batch of the job is one
     * multi-row insert rather than a statement per report).
     */
    Mono<Void> scheduled(List<Scheduled> reports);

    /** One scheduled report mail; {@code key} is its deduplication key. */
    record Scheduled(String to, String language, Map<String, Object> model, String key, String unsubscribeUrl) {}

    /** A report the user asked for now: transactional mail. */
    Mono<Void> requested(String to, String language, Map<String, Object> model, String key);
}
