package dev.tarsspeedy.payment.checkout.web;

import dev.tarsspeedy.payment.PaymentId;
import dev.tarsspeedy.payment.checkout.CheckoutService;
import dev.tarsspeedy.payment.checkout.CheckoutSettings;
import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.checkout.PaymentNotFoundException;
import dev.tarsspeedy.platform.caller.Language;
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

    private final CheckoutService payments;
    private final CheckoutSettings settings;

    CallbackController(CheckoutService payments, CheckoutSettings settings) {
        this.payments = payments;
        this.settings = settings;
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
        boolean korean = prefersKorean(language);
        PaymentId id = parse(paymentId);
        if (id == null) {
            return Mono.just(notFound(korean));
        }
        return payments.get(id)
                .map(payment -> html(HttpStatus.OK, ResultPage.render(payment, korean)))
                .onErrorResume(PaymentNotFoundException.class, e -> Mono.just(notFound(korean)));
    }

    private Mono<ResponseEntity<String>> finish(
            String paymentId, String language, Function<PaymentId, Mono<Payment>> action) {
        PaymentId id = parse(paymentId);
        if (id == null) {
            return Mono.just(notFound(prefersKorean(language)));
        }
        return Mono.defer(() -> action.apply(id))
                .map(payment -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create(settings.resultUrl(payment.id())))
                        .cacheControl(CacheControl.noStore())
                        .<String>build())
                .onErrorResume(PaymentNotFoundException.class, e -> Mono.just(notFound(prefersKorean(language))));
    }

    /** The callbacks are public (no token, so no {@code Caller}): the browser's {@code Accept-Language} decides. */
    static boolean prefersKorean(String acceptLanguage) {
        return Language.preferredBy(acceptLanguage) == Language.KO;
    }

    private static PaymentId parse(String id) {
        try {
            return new PaymentId(UUID.fromString(id));
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
