package dev.tarsspeedy.alert.watchlist;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.interest.SymbolInterest;
import dev.tarsspeedy.alert.market.MarketData;
import dev.tarsspeedy.alert.market.MarketDataUnavailableException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.NotTheWholeListException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.NotWatchedException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.StockHasAlertsException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.UnknownSymbolException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.WatchlistFullException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Users' watchlists: a stock is added last ({@code PUT}), removed ({@code DELETE}, saying what happens to its price
 * alerts), reordered as a whole, and listed with the latest quotes (one quotes call for the whole list). Every change
 * runs in one transaction that also tells {@link SymbolInterest} about the symbol, so the market-data service polls
 * exactly what somebody follows.
 */
@Service
public class WatchlistService {

    private static final Logger log = LoggerFactory.getLogger(WatchlistService.class);

    private final WatchlistRepository entries;
    private final MarketData market;
    private final SymbolInterest interest;
    private final StockAlerts alerts;
    private final TransactionalOperator transaction;
    private final WatchlistSettings settings;
    private final Clock clock;

    public WatchlistService(
            WatchlistRepository entries,
            MarketData market,
            SymbolInterest interest,
            StockAlerts alerts,
            TransactionalOperator transaction,
            WatchlistSettings settings,
            Clock clock) {
        this.entries = entries;
        this.market = market;
        this.interest = interest;
        this.alerts = alerts;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Adds the stock at the end of the list; idempotent (a watched stock keeps its place).
     *
     * @return fails with {@link UnknownSymbolException}, {@link WatchlistFullException} or
     *     {@link MarketDataUnavailableException} (the listing could not be checked)
     */
    public Mono<Void> add(UserId user, Symbol symbol, String language) {
        return market.listing(symbol, language)
                .flatMap(listing ->
                        listing.isEmpty() ? Mono.error(new UnknownSymbolException(symbol)) : Mono.just(listing.get()))
                .flatMap(listing -> transaction.transactional(entries.lockUser(user)
                        .then(entries.list(user))
                        .flatMap(current -> {
                            if (current.stream()
                                    .anyMatch(entry -> entry.symbol().equals(symbol))) {
                                return Mono.<Void>empty();
                            }
                            if (current.size() >= settings.maxEntries()) {
                                return Mono.error(new WatchlistFullException(settings.maxEntries()));
                            }
                            int position = current.stream()
                                            .mapToInt(WatchlistEntry::position)
                                            .max()
                                            .orElse(-1)
                                    + 1;
                            WatchlistEntry entry = new WatchlistEntry(
                                    user,
                                    symbol,
                                    listing.market(),
                                    position,
                                    clock.instant().truncatedTo(ChronoUnit.MICROS));
                            return entries.insert(entry).then(interestChanged(symbol));
                        })));
    }

    /**
     * Removes the stock; idempotent for a stock not watched. With price alerts on it, {@code onAlerts} decides.
     *
     * @return fails with {@link StockHasAlertsException} when there are alerts and {@code onAlerts} is
     *     {@link AlertsOnRemoval#ASK}
     */
    public Mono<Void> remove(UserId user, Symbol symbol, AlertsOnRemoval onAlerts) {
        Mono<Void> alertsDecision = alerts.of(user, symbol).flatMap(ids -> {
            if (ids.isEmpty() || onAlerts == AlertsOnRemoval.KEEP) {
                return Mono.empty();
            }
            if (onAlerts == AlertsOnRemoval.DELETE) {
                return alerts.deleteAll(user, symbol);
            }
            return Mono.error(new StockHasAlertsException(symbol, ids));
        });
        return transaction.transactional(entries.lockUser(user)
                .then(alertsDecision)
                .then(entries.delete(user, symbol))
                .flatMap(deleted -> deleted ? interestChanged(symbol) : Mono.empty()));
    }

    /**
     * Puts the list in the order given, which must name every watched stock exactly once.
     *
     * @return fails with {@link NotTheWholeListException}
     */
    public Mono<Void> reorder(UserId user, List<Symbol> order) {
        return transaction.transactional(entries.lockUser(user)
                .then(entries.list(user))
                .flatMap(current -> {
                    var watched = new HashSet<Symbol>();
                    current.forEach(entry -> watched.add(entry.symbol()));
                    if (order.size() != current.size() || !watched.equals(new HashSet<>(order))) {
                        return Mono.error(new NotTheWholeListException());
                    }
                    return entries.reorder(user, order);
                }));
    }

    /** The list with the latest quotes; when the market-data service is down, without them. */
    public Mono<WatchlistView> view(UserId user, String language) {
        return entries.list(user).flatMap(list -> {
            if (list.isEmpty()) {
                return Mono.just(new WatchlistView(List.of(), true));
            }
            return market.quotes(list.stream().map(WatchlistEntry::symbol).toList(), language)
                    .map(quotes -> view(list, quotes, true))
                    .onErrorResume(MarketDataUnavailableException.class, error -> {
                        log.warn("watchlist shown without quotes: {}", error.getMessage());
                        return Mono.just(view(list, Map.of(), false));
                    });
        });
    }

    /** One watched stock with its quote. */
    public Mono<WatchedStock> entry(UserId user, Symbol symbol, String language) {
        return view(user, language)
                .flatMap(view -> Mono.justOrEmpty(view.items().stream()
                        .filter(item -> item.entry().symbol().equals(symbol))
                        .findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotWatchedException(symbol)));
    }

    /** The entries of several users (the report job's rows), each in order. */
    public Mono<Map<UserId, List<WatchlistEntry>>> lists(java.util.Collection<UserId> users) {
        return entries.lists(users);
    }

    private static WatchlistView view(List<WatchlistEntry> list, Map<Symbol, MarketData.Quote> quotes, boolean ok) {
        return new WatchlistView(
                list.stream()
                        .map(entry -> {
                            MarketData.Quote quote = quotes.get(entry.symbol());
                            return new WatchedStock(entry, quote == null ? null : quote.name(), quote);
                        })
                        .toList(),
                ok);
    }

    private Mono<Void> interestChanged(Symbol symbol) {
        return interest.changed(symbol);
    }
}
