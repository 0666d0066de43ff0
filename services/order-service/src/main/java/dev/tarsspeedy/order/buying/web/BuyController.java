package dev.tarsspeedy.order.buying.web;

import dev.tarsspeedy.contracts.order.BuyRequestRules;
import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.buying.BuyService;
import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.platform.caller.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

    static final String IDEMPOTENCY_KEY = BuyRequestRules.IDEMPOTENCY_KEY_HEADER;
    static final int MAX_KEY_LENGTH = BuyRequestRules.MAX_IDEMPOTENCY_KEY_LENGTH;

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
            Caller caller) {
        String key = idempotencyKey.strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw BuyProblems.invalidIdempotencyKey(MAX_KEY_LENGTH);
        }
        DropId drop = DropId.of(dropId);
        return buying.buy(drop, new UserId(caller.id()), request.quantity(), key, contact(caller))
                .map(accepted -> ResponseEntity.accepted()
                        .body(new BuyResponse(accepted.orderId().value(), "PENDING_PAYMENT", accepted.expiresAt())))
                .onErrorMap(error -> BuyProblems.of(error, drop));
    }

    /**
     * Where the order's emails go: the token's usable address (or none) in the caller's language (the token's
     * {@code locale}, else {@code Accept-Language}).
     */
    static SaleStore.BuyerContact contact(Caller caller) {
        return new SaleStore.BuyerContact(caller.email(), caller.language().tag());
    }
}
