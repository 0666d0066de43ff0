package dev.tarsspeedy.alert.report;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The notification service's rendering of a report ({@code POST /internal/templates/stock-report/preview}): the HTML
 * the mail will have, its charts inline as {@code data:} URIs. That endpoint, like every path of the notification
 * service, takes an access token: the caller's own is passed on.
 */
public interface ReportPreviews {

    /** Fails with {@link ReportExceptions.PreviewUnavailableException} when the service cannot render it now. */
    /**
     * @param authorization the caller's {@code Authorization} header, passed on as it came
     * @param unsubscribeUrl the link the mail's footer shows
     */
    Mono<String> html(String language, Map<String, Object> model, String unsubscribeUrl, String authorization);
}
