package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.interest.SymbolInterest;
import dev.tarsspeedy.alert.watchlist.StockAlerts;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The price alerts a watchlist removal asks about: it lists them (any state) and deletes them only when the user
 * chose so ({@code alerts=delete}); kept alerts go on working. Both run in the watchlist's transaction.
 */
@Component
class AlertsOfWatchedStocks implements StockAlerts {

    private final PriceAlertRepository alerts;
    private final SymbolInterest interest;

    AlertsOfWatchedStocks(PriceAlertRepository alerts, SymbolInterest interest) {
        this.alerts = alerts;
        this.interest = interest;
    }

    @Override
    public Mono<List<AlertId>> of(UserId user, Symbol symbol) {
        return alerts.findIds(user, symbol).collectList();
    }

    @Override
    public Mono<Void> deleteAll(UserId user, Symbol symbol) {
        return alerts.deleteAll(user, symbol).then(interest.changed(symbol));
    }
}
