package dev.tarsspeedy.order.buying;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.lifecycle.LifecycleSettings;
import dev.tarsspeedy.order.sale.BuyOutcome;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.DropKeysMissing;
import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.order.sale.SoldOutFlags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The hot path: no database, at most one Redis call. The drop's terms come from memory; a quantity above the per-user
 * limit, a drop not open yet and a drop this instance saw sold out moments ago are refused without Redis; everything
 * else is decided by one {@code buy.lua} call.
 */
@Service
public class BuyService {

    private final DropCatalog catalog;
    private final SaleStore store;
    private final SoldOutFlags soldOut;
    private final ApplicationEventPublisher events;
    private final Duration hold;
    private final Duration absentRetryAfter;
    private final Clock clock;
    private final BuyMetrics metrics;

    public BuyService(
            DropCatalog catalog,
            SaleStore store,
            SoldOutFlags soldOut,
            ApplicationEventPublisher events,
            BuyingSettings settings,
            LifecycleSettings lifecycle,
            Clock clock,
            BuyMetrics metrics) {
        this.catalog = catalog;
        this.store = store;
        this.soldOut = soldOut;
        this.events = events;
        this.hold = lifecycle.expiry().hold();
        this.absentRetryAfter = settings.absentRetryAfter();
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param quantity at least 1 (checked by the caller)
     * @return the accepted reservation; fails with {@link DropNotFoundException}, {@link BuyRefusedException} or
     *     {@link SaleUnavailableException}
     */
    public Mono<Accepted> buy(DropId dropId, UserId user, int quantity, String idempotencyKey) {
        return buy(dropId, user, quantity, idempotencyKey, SaleStore.BuyerContact.NONE);
    }

    /**
     * @param contact the buyer's address and language for the order's emails, carried through the stream
     */
    public Mono<Accepted> buy(
            DropId dropId, UserId user, int quantity, String idempotencyKey, SaleStore.BuyerContact contact) {
        return catalog.find(dropId)
                .switchIfEmpty(Mono.error(() -> new DropNotFoundException(dropId)))
                .flatMap(drop -> {
                    Instant now = clock.instant();
                    if (quantity > drop.perUserLimit()) {
                        return Mono.error(
                                new BuyRefusedException(dropId, BuyRefusedException.Reason.LIMIT_EXCEEDED, -1));
                    }
                    if (drop.notYetOpenAt(now)) {
                        return Mono.error(new BuyRefusedException(dropId, BuyRefusedException.Reason.NOT_OPEN, -1));
                    }
                    Duration remembered = soldOut.remembered(dropId, now);
                    if (!remembered.isZero()) {
                        return Mono.error(BuyRefusedException.soldOut(dropId, remembered));
                    }
                    return store.buy(dropId, user, quantity, idempotencyKey, OrderId.random(), hold, contact)
                            // Redis away or too slow: the buyer may retry; nothing was taken that is not in the stream.
                            .onErrorMap(
                                    e -> !(e instanceof BuyRefusedException),
                                    e -> new SaleUnavailableException(dropId, absentRetryAfter, e))
                            .flatMap(outcome -> answer(dropId, outcome));
                })
                .doOnSuccess(accepted -> {
                    if (accepted != null) {
                        metrics.accepted(accepted);
                    }
                })
                .doOnError(metrics::failed);
    }

    private Mono<Accepted> answer(DropId dropId, BuyOutcome outcome) {
        return switch (outcome.code()) {
            case OK -> {
                if (outcome.remaining() <= 0) {
                    soldOut.mark(dropId, clock.instant());
                }
                yield Mono.just(new Accepted(outcome.orderId(), outcome.expiresAt(), false));
            }
            case DUPLICATE -> Mono.just(new Accepted(outcome.orderId(), outcome.expiresAt(), true));
            case SOLD_OUT -> {
                if (outcome.remaining() <= 0) {
                    soldOut.mark(dropId, clock.instant());
                    yield Mono.error(BuyRefusedException.soldOut(dropId, soldOut.ttl()));
                }
                yield refused(dropId, BuyRefusedException.Reason.SOLD_OUT, outcome);
            }
            case LIMIT -> refused(dropId, BuyRefusedException.Reason.LIMIT_EXCEEDED, outcome);
            case NOT_OPEN -> refused(dropId, BuyRefusedException.Reason.NOT_OPEN, outcome);
            case CLOSED -> refused(dropId, BuyRefusedException.Reason.CLOSED, outcome);
            case ABSENT -> {
                events.publishEvent(new DropKeysMissing(dropId));
                yield Mono.error(new SaleUnavailableException(dropId, absentRetryAfter));
            }
        };
    }

    private static Mono<Accepted> refused(DropId dropId, BuyRefusedException.Reason reason, BuyOutcome outcome) {
        return Mono.error(new BuyRefusedException(dropId, reason, outcome.remaining()));
    }
}
