package dev.tarsspeedy.catalog.wishlist.web;

import dev.tarsspeedy.catalog.drop.DropId;
import dev.tarsspeedy.catalog.drop.web.DropProblems;
import dev.tarsspeedy.catalog.drop.web.DropResponses.DropResponse;
import dev.tarsspeedy.catalog.web.Languages;
import dev.tarsspeedy.catalog.wishlist.UserId;
import dev.tarsspeedy.catalog.wishlist.WishlistService;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user's wishlist: {@code /api/wishlist}. */
@RestController
class WishlistController {

    private final WishlistService wishlist;

    WishlistController(WishlistService wishlist) {
        this.wishlist = wishlist;
    }

    /** Idempotent; the address (token claim {@code email}) and language ({@code Accept-Language}) are kept. */
    @PutMapping("/api/wishlist/{dropId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> put(@PathVariable UUID dropId, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        return Mono.defer(() -> wishlist.put(user(jwt), new DropId(dropId), email(jwt), Languages.preferred(http)))
                .onErrorMap(DropProblems::translate);
    }

    @DeleteMapping("/api/wishlist/{dropId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable UUID dropId, @AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> wishlist.remove(user(jwt), new DropId(dropId)));
    }

    @GetMapping("/api/wishlist")
    Mono<List<DropResponse>> list(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> wishlist.list(user(jwt)))
                .map(views -> views.stream().map(DropResponse::of).toList());
    }

    private static UserId user(Jwt jwt) {
        try {
            return new UserId(UUID.fromString(jwt.getSubject()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // Identity's tokens always name a user id; anything else is not a shopper's token.
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null);
        }
    }

    private static String email(Jwt jwt) {
        String email = jwt.getClaimAsString("email");
        return email == null || email.isBlank() || email.length() > 254 ? null : email.strip();
    }
}
