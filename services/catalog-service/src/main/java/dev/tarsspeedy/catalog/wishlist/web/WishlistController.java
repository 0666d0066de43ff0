package dev.tarsspeedy.catalog.wishlist.web;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import dev.tarsspeedy.catalog.drop.web.DropProblems;
import dev.tarsspeedy.catalog.drop.web.DropResponses.DropResponse;
import dev.tarsspeedy.catalog.wishlist.WishlistService;
import dev.tarsspeedy.platform.caller.Caller;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

    /** Idempotent; the caller's address and language are kept for the reminder. */
    @PutMapping("/api/wishlist/{dropId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> put(@PathVariable UUID dropId, Caller caller) {
        return Mono.defer(() -> wishlist.put(
                        new UserId(caller.id()),
                        new DropId(dropId),
                        caller.email(),
                        caller.language().tag()))
                .onErrorMap(DropProblems::translate);
    }

    @DeleteMapping("/api/wishlist/{dropId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable UUID dropId, Caller caller) {
        return Mono.defer(() -> wishlist.remove(new UserId(caller.id()), new DropId(dropId)));
    }

    @GetMapping("/api/wishlist")
    Mono<List<DropResponse>> list(Caller caller) {
        return Mono.defer(() -> wishlist.list(new UserId(caller.id())))
                .map(views -> views.stream().map(DropResponse::of).toList());
    }
}
