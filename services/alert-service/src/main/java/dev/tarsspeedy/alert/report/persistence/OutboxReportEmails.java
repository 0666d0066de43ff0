package dev.tarsspeedy.alert.report.persistence;

import dev.tarsspeedy.alert.report.ReportEmails;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Report mails as email requests through the platform's outbox. */
@Component
class OutboxReportEmails implements ReportEmails {

    private final EmailOutbox outbox;

    OutboxReportEmails(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> scheduled(List<Scheduled> reports) {
        return outbox.requestBulkEmails(reports.stream()
                .map(report -> new EmailOutbox.BulkEmail(
                        TEMPLATE,
                        report.to(),
                        report.language(),
                        report.model(),
                        report.key(),
                        report.unsubscribeUrl()))
                .toList());
    }

    @Override
    public Mono<Void> requested(String to, String language, Map<String, Object> model, String key) {
        return outbox.requestEmail(TEMPLATE, to, language, model, key);
    }
}
