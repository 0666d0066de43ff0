package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.interest.SymbolInterest;
import dev.tarsspeedy.alert.market.MarketData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A user's price alerts: create (a listed symbol, within the limit, no identical unfinished alert), list, change,
 * delete, and the history of what fired. Every change tells {@link SymbolInterest} in its transaction, so the
 * market-data service polls what alerts watch.
 *
 * <p>Alerts do not depend on the watchlist: an alert keeps working on a symbol that is not (or no longer) on the
 * user's watchlist until the user deletes it; the API says so in every alert ({@code onWatchlist}).
 */
@Service
public class PriceAlertService {

    private final PriceAlertRepository alerts;
    private final MarketData market;
    private final SymbolInterest interest;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final PriceAlertSettings settings;

    public PriceAlertService(
            PriceAlertRepository alerts,
            MarketData market,
            SymbolInterest interest,
            TransactionalOperator transaction,
            Clock clock,
            PriceAlertSettings settings) {
        this.alerts = alerts;
        this.market = market;
        this.interest = interest;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A new alert.
     *
     * @param email the caller's address ({@code null}: the alert fires into the history only)
     * @param language {@code ko} or {@code en}: the mail's language and the stock name's
     * @param zone the caller's zone: the mail's times, unless the draft names another
     * @return the alert; fails with {@link InvalidAlertException}, {@link UnknownSymbolException},
     *     {@link AlertLimitReachedException} or {@link DuplicateAlertException}, changing nothing
     */
    public Mono<PriceAlert> create(UserId owner, String email, String language, ZoneId zone, AlertDraft draft) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            AlertDraft.Resolved resolved = draft.resolve(now, settings, zone);
            Symbol symbol = resolved.symbol();
            return market.listing(symbol, language).flatMap(listing -> {
                if (listing.isEmpty()) {
                    return Mono.error(new UnknownSymbolException(symbol));
                }
                String name = listing.get().name() == null
                        ? symbol.code()
                        : listing.get().name();
                PriceAlert alert = PriceAlert.create(
                        owner,
                        new Recipient(email, language, resolved.zone()),
                        symbol,
                        name,
                        resolved.condition(),
                        resolved.terms(),
                        clock.instant());
                return transaction.transactional(alerts.lockOwner(owner)
                        .then(alerts.countUnfinished(owner))
                        .flatMap(count -> count >= settings.maxPerUser()
                                ? Mono.error(new AlertLimitReachedException(settings.maxPerUser()))
                                : alerts.findIdentical(owner, symbol, alert.condition(), alert.id())
                                        .flatMap(existing ->
                                                Mono.<PriceAlert>error(new DuplicateAlertException(existing)))
                                        .switchIfEmpty(Mono.defer(() -> alerts.insert(alert)
                                                .then(interest.changed(symbol))
                                                .thenReturn(alert)))));
            });
        });
    }

    /** The owner's alerts, newest first. */
    public Mono<List<PriceAlert>> list(UserId owner) {
        return alerts.findByOwner(owner).collectList();
    }

    /** Fails with {@link AlertNotFoundException}. */
    public Mono<PriceAlert> get(UserId owner, AlertId id) {
        return alerts.find(owner, id).switchIfEmpty(Mono.error(() -> new AlertNotFoundException(id)));
    }

    /**
     * Changes an alert (the symbol stays); a new condition or mode arms it afresh.
     *
     * @return fails with {@link AlertNotFoundException}, {@link InvalidAlertException} or
     *     {@link DuplicateAlertException}, changing nothing
     */
    public Mono<PriceAlert> patch(UserId owner, AlertId id, AlertPatch patch) {
        return transaction.transactional(alerts.findForUpdate(owner, id)
                .switchIfEmpty(Mono.error(() -> new AlertNotFoundException(id)))
                .flatMap(alert -> {
                    Instant now = clock.instant();
                    AlertDraft.Resolved resolved = patch.applyTo(alert)
                            .resolve(now, settings, alert.recipient().zone());
                    AlertTerms terms = resolved.terms();
                    if (patch.expiresAt() == null) {
                        terms = new AlertTerms(
                                terms.mode(),
                                terms.cooldown(),
                                terms.hysteresisPercent(),
                                alert.terms().expiresAt(),
                                terms.regularHoursOnly());
                    }
                    PriceAlert changed = alert.changed(
                            resolved.condition(),
                            terms,
                            new Recipient(
                                    alert.recipient().email(), alert.recipient().language(), resolved.zone()),
                            now);
                    return alerts.findIdentical(owner, alert.symbol(), changed.condition(), alert.id())
                            .flatMap(existing -> Mono.<PriceAlert>error(new DuplicateAlertException(existing)))
                            .switchIfEmpty(Mono.defer(() -> alerts.update(changed, alert.version())
                                    .flatMap(stored -> stored
                                            ? interest.changed(alert.symbol()).thenReturn(changed)
                                            : Mono.error(new IllegalStateException(
                                                    "alert " + id + " changed while locked")))));
                }));
    }

    /** Fails with {@link AlertNotFoundException}; the history of its firings stays. */
    public Mono<Void> delete(UserId owner, AlertId id) {
        return transaction.transactional(alerts.findForUpdate(owner, id)
                .switchIfEmpty(Mono.error(() -> new AlertNotFoundException(id)))
                .flatMap(alert -> alerts.delete(owner, id).then(interest.changed(alert.symbol()))));
    }

    /** What fired for the owner, newest first. */
    public Mono<HistoryPage> history(UserId owner, int page, int size) {
        return alerts.history(owner, page, size);
    }

    public Instant now() {
        return clock.instant();
    }
}
