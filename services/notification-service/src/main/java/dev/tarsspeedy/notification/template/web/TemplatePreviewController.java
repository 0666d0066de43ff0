package dev.tarsspeedy.notification.template.web;

import dev.tarsspeedy.notification.template.ThymeleafEmailRenderer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Renders a template as its mail would show it, for other services' previews (the alert service's
 * {@code GET /api/reports/preview}): internal, never routed by the gateway, and like every path of the service it
 * needs an access token (the caller passes on its user's).
 */
@RestController
class TemplatePreviewController {

    static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final ThymeleafEmailRenderer renderer;

    TemplatePreviewController(ThymeleafEmailRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * {@code 200 text/html} with the charts inline as {@code data:} URIs; {@code 404 unknown-template};
     * {@code 400 invalid-model} naming the first field that does not fit.
     */
    @PostMapping(
            path = "/internal/templates/{template}/preview",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> preview(@PathVariable String template, @RequestBody PreviewRequest request) {
        // Drawing charts and rendering take CPU and read templates on first use: off the event loop.
        return Mono.fromCallable(
                        () -> renderer.preview(template, request.locale(), request.model(), request.unsubscribeUrl()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(html -> ResponseEntity.ok().contentType(HTML_UTF8).body(html))
                .onErrorMap(TemplateProblems::translate);
    }
}
