package dev.tarsspeedy.alert.report;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The notification service's rendering of a report ({@code POST /internal/templates/stock-report/preview}): the HTML
 * the mail will have, its charts inline as {@code data:} URIs.
 */
public interface ReportPreviews {

    /** Fails with {@link ReportExceptions.PreviewUnavailableException} when the service cannot render it now. */
    Mono<String> html(String language, Map<String, Object> model);
}
