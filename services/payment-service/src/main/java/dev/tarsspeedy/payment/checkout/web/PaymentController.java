package dev.tarsspeedy.payment.payment.web;

import dev.tarsspeedy.payment.payment.Payment;
import dev.tarsspeedy.payment.payment.PaymentService;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The buyer's API: start paying an order, look at a payment. */
@RestController
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /** 200 {@code {paymentId, redirectUrl}}: send the browser to {@code redirectUrl} (Kakaopay's page). */
    @PostMapping("/api/orders/{orderId}/payment")
    Mono<CheckoutResponse> start(
            @AuthenticationPrincipal Jwt token,
            @PathVariable UUID orderId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        UUID userId = userId(token);
        return Mono.defer(() -> payments.start(orderId, userId, email(token), locale(token, acceptLanguage)))
                .map(checkout -> new CheckoutResponse(checkout.paymentId(), checkout.redirectUrl()))
                .onErrorMap(PaymentProblems::translate);
    }

    @GetMapping("/api/payments/{paymentId}")
    Mono<PaymentResponse> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID paymentId) {
        UUID userId = userId(token);
        return Mono.defer(() -> payments.get(paymentId, userId))
                .map(PaymentResponse::of)
                .onErrorMap(PaymentProblems::translate);
    }

    record CheckoutResponse(UUID paymentId, String redirectUrl) {}

    record PaymentResponse(
            UUID paymentId, UUID orderId, String status, long amount, Instant approvedAt, Instant refundedAt) {

        static PaymentResponse of(Payment payment) {
            return new PaymentResponse(
                    payment.id(),
                    payment.orderId(),
                    payment.status().name(),
                    payment.amount(),
                    payment.approvedAt(),
                    payment.refundedAt());
        }
    }

    private static UUID userId(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.localized(HttpStatus.UNAUTHORIZED, "unauthorized", "unauthorized.no-user");
        }
    }

    private static String email(Jwt token) {
        String email = token.getClaimAsString("email");
        return email == null || email.isBlank() || email.length() > 254 ? null : email;
    }

    /** The token's {@code locale} claim when it has one, else Korean when the browser prefers it, else English. */
    static String locale(Jwt token, String acceptLanguage) {
        String claim = token == null ? null : token.getClaimAsString("locale");
        if ("ko".equals(claim) || "en".equals(claim)) {
            return claim;
        }
        return prefersKorean(acceptLanguage) ? "ko" : "en";
    }

    static boolean prefersKorean(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            Locale best = Locale.lookup(ranges, List.of(Locale.KOREAN, Locale.ENGLISH));
            return best != null && best.getLanguage().equals("ko");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
