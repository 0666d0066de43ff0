package dev.tarsspeedy.catalog.wishlist;

import dev.tarsspeedy.catalog.DropId;
import dev.tarsspeedy.catalog.UserId;
import dev.tarsspeedy.catalog.drop.DropService;
import dev.tarsspeedy.catalog.drop.DropView;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A shopper's wishlist: drops they want a reminder for, shortly before the opening. */
@Service
public class WishlistService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WishlistRepository wishlist;
    private final DropService drops;
    private final Clock clock;

    public WishlistService(WishlistRepository wishlist, DropService drops, Clock clock) {
        this.wishlist = wishlist;
        this.drops = drops;
        this.clock = clock;
    }

    /**
     * Wishlists the drop (again: the address and language are updated, nothing else).
     *
     * @param email the address for the reminder, {@code null} for none
     * @param locale {@code ko} or {@code en}
     * @return fails with {@link dev.tarsspeedy.catalog.drop.DropNotFoundException}
     */
    public Mono<Void> put(UserId user, DropId drop, String email, String locale) {
        return drops.require(drop)
                .then(Mono.defer(
                        () -> wishlist.put(new WishlistEntry(user, drop, email, locale, newToken(), clock.instant()))));
    }

    public Mono<Void> remove(UserId user, DropId drop) {
        return wishlist.remove(user, drop);
    }

    /** The user's wishlisted drops, by opening time. */
    public Mono<List<DropView>> list(UserId user) {
        return wishlist.dropsOf(user).collectList().flatMap(drops::views);
    }

    /** 256 random bits, URL-safe: the secret of an unsubscribe link. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
