package dev.tarsspeedy.alert.report.client;

import dev.tarsspeedy.alert.report.ReportEmails;
import dev.tarsspeedy.alert.report.ReportExceptions.PreviewUnavailableException;
import dev.tarsspeedy.alert.report.ReportPreviews;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Previews rendered by the notification service; any failure (down, slow, an error) is "unavailable". */
@Component
class HttpReportPreviews implements ReportPreviews {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final NotificationPreviewClient client;

    HttpReportPreviews(NotificationPreviewClient client) {
        this.client = client;
    }

    @Override
    public Mono<String> html(String language, Map<String, Object> model, String unsubscribeUrl, String authorization) {
        return client.preview(
                        ReportEmails.TEMPLATE,
                        authorization,
                        new NotificationPreviewClient.PreviewRequest(language, model, unsubscribeUrl))
                .timeout(TIMEOUT)
                .onErrorMap(error -> new PreviewUnavailableException(
                        "report preview failed: " + error.getClass().getSimpleName(), error));
    }
}
