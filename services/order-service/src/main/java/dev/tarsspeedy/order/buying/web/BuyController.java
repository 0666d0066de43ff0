package dev.tarsspeedy.order.buying.web;

import dev.tarsspeedy.order.buying.BuyRefusedException;
import dev.tarsspeedy.order.buying.BuyService;
import dev.tarsspeedy.order.buying.DropNotFoundException;
import dev.tarsspeedy.order.buying.SaleUnavailableException;
import dev.tarsspeedy.order.ids.DropId;
import dev.tarsspeedy.order.web.CurrentUser;
import dev.tarsspeedy.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Buying in a drop: 202 with the order id at once; the order is stored by events shortly after. Problems take their
 * details from the problems bundle, in the reader's language.
 */
@RestController
class BuyController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 100;

    private final BuyService buying;

    BuyController(BuyService buying) {
        this.buying = buying;
    }

    record BuyRequest(@NotNull @Min(1) Integer quantity) {}

    record BuyResponse(UUID orderId, String status, Instant expiresAt) {}

    @PostMapping("/api/drops/{dropId}/orders")
    Mono<ResponseEntity<BuyResponse>> buy(
            @PathVariable UUID dropId,
            @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @RequestBody BuyRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @AuthenticationPrincipal Jwt jwt) {
        String key = idempotencyKey.strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.localized(
                            HttpStatus.BAD_REQUEST,
                            "invalid-idempotency-key",
                            "invalid-idempotency-key.detail",
                            MAX_KEY_LENGTH)
                    .with("maxLength", MAX_KEY_LENGTH);
        }
        DropId drop = DropId.of(dropId);
        return buying.buy(drop, CurrentUser.of(jwt), request.quantity(), key, CurrentUser.contact(jwt, acceptLanguage))
                .map(accepted -> ResponseEntity.accepted()
                        .body(new BuyResponse(accepted.orderId().value(), "PENDING_PAYMENT", accepted.expiresAt())))
                .onErrorMap(
                        DropNotFoundException.class,
                        e -> ProblemException.localized(
                                        HttpStatus.NOT_FOUND, "drop-not-found", "drop-not-found.detail", drop.value())
                                .with("dropId", drop.value()))
                .onErrorMap(BuyRefusedException.class, BuyController::refusal)
                .onErrorMap(
                        SaleUnavailableException.class,
                        e -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "sale-unavailable", null)
                                .withHeader(
                                        HttpHeaders.RETRY_AFTER,
                                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                                .with("dropId", drop.value()));
    }

    private static ProblemException refusal(BuyRefusedException e) {
        ProblemException problem = switch (e.reason()) {
            case SOLD_OUT -> new ProblemException(HttpStatus.CONFLICT, "sold-out", null);
            case LIMIT_EXCEEDED -> new ProblemException(HttpStatus.CONFLICT, "limit-exceeded", null);
            case NOT_OPEN -> new ProblemException(HttpStatus.CONFLICT, "not-open", null);
            case CLOSED -> new ProblemException(HttpStatus.CONFLICT, "closed", null);
        };
        problem.with("dropId", e.dropId().value());
        if (e.remaining() >= 0) {
            problem.with("remaining", e.remaining());
        }
        return problem;
    }
}
