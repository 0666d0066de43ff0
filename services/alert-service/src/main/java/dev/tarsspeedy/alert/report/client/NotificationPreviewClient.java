package dev.tarsspeedy.alert.report.client;

import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The notification service's internal preview endpoint ({@code spring.http.serviceclient.notification.base-url}). */
@HttpExchange("/internal/templates")
interface NotificationPreviewClient {

    @PostExchange(url = "/{template}/preview", accept = "text/html", contentType = "application/json")
    Mono<String> preview(
            @PathVariable String template,
            @RequestHeader("Authorization") String authorization,
            @RequestBody PreviewRequest request);

    record PreviewRequest(String locale, Map<String, Object> model, String unsubscribeUrl) {}
}
