package dev.tarsspeedy.payment.payment.web;

import dev.tarsspeedy.payment.payment.Payment;
import dev.tarsspeedy.payment.payment.PaymentNotFoundException;
import dev.tarsspeedy.payment.payment.PaymentProperties;
import dev.tarsspeedy.payment.payment.PaymentService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where Kakaopay sends the buyer's browser back (public: the browser carries no token): approval, cancel and fail
 * URLs finish the flow and answer 303 to the result page; the result page says what happened (no personal data).
 */
@RestController
class CallbackController {

    private final PaymentService payments;
    private final PaymentProperties properties;

    CallbackController(PaymentService payments, PaymentProperties properties) {
        this.payments = payments;
        this.properties = properties;
    }

    @GetMapping("/api/payments/{paymentId}/approve")
    Mono<ResponseEntity<String>> approve(
            @PathVariable String paymentId,
            @RequestParam(name = "pg_token", required = false) String pgToken,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        if (pgToken == null || pgToken.isBlank() || pgToken.length() > 100) {
            return finish(paymentId, language, payments::get);
        }
        return finish(paymentId, language, id -> payments.approve(id, pgToken));
    }

    @GetMapping("/api/payments/{paymentId}/cancel")
    Mono<ResponseEntity<String>> cancel(
            @PathVariable String paymentId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return finish(paymentId, language, payments::cancel);
    }

    @GetMapping("/api/payments/{paymentId}/fail")
    Mono<ResponseEntity<String>> fail(
            @PathVariable String paymentId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return finish(paymentId, language, payments::fail);
    }

    @GetMapping("/api/payments/{paymentId}/result")
    Mono<ResponseEntity<String>> result(
            @PathVariable String paymentId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        boolean korean = PaymentController.prefersKorean(language);
        UUID id = parse(paymentId);
        if (id == null) {
            return Mono.just(notFound(korean));
        }
        return payments.get(id)
                .map(payment -> html(HttpStatus.OK, ResultPage.render(payment, korean)))
                .onErrorResume(PaymentNotFoundException.class, e -> Mono.just(notFound(korean)));
    }

    private Mono<ResponseEntity<String>> finish(
            String paymentId, String language, Function<UUID, Mono<Payment>> action) {
        UUID id = parse(paymentId);
        if (id == null) {
            return Mono.just(notFound(PaymentController.prefersKorean(language)));
        }
        return Mono.defer(() -> action.apply(id))
                .map(payment -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create(properties.resultUrl(payment.id())))
                        .cacheControl(CacheControl.noStore())
                        .<String>build())
                .onErrorResume(
                        PaymentNotFoundException.class,
                        e -> Mono.just(notFound(PaymentController.prefersKorean(language))));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<String> notFound(boolean korean) {
        return html(HttpStatus.NOT_FOUND, ResultPage.notFound(korean));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
