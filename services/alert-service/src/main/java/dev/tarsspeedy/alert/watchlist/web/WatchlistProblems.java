package dev.tarsspeedy.alert.watchlist.web;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.market.web.MarketDataProblems;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.NotTheWholeListException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.NotWatchedException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.StockHasAlertsException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.UnknownSymbolException;
import dev.tarsspeedy.alert.watchlist.WatchlistExceptions.WatchlistFullException;
import dev.tarsspeedy.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Watchlist errors as problems (texts in the problems bundles); other errors pass through unchanged. */
final class WatchlistProblems {

    private WatchlistProblems() {}

    static Throwable translate(Throwable error) {
        return switch (error) {
            case UnknownSymbolException unknown ->
                ProblemException.localized(
                                HttpStatus.NOT_FOUND,
                                "unknown-symbol",
                                "unknown-symbol.detail",
                                unknown.symbol().code())
                        .with("symbol", unknown.symbol().code());
            case WatchlistFullException full ->
                ProblemException.localized(HttpStatus.CONFLICT, "watchlist-full", "watchlist-full.detail", full.max())
                        .with("limit", full.max());
            case NotWatchedException missing ->
                ProblemException.localized(
                                HttpStatus.NOT_FOUND,
                                "not-watched",
                                "not-watched.detail",
                                missing.symbol().code())
                        .with("symbol", missing.symbol().code());
            case StockHasAlertsException alerts ->
                ProblemException.localized(
                                HttpStatus.CONFLICT,
                                "stock-has-alerts",
                                "stock-has-alerts.detail",
                                alerts.symbol().code(),
                                alerts.alerts().size())
                        .with("symbol", alerts.symbol().code())
                        .with(
                                "alerts",
                                alerts.alerts().stream().map(AlertId::toString).toList());
            case NotTheWholeListException ignored ->
                MarketDataProblems.invalidField(
                        "order", "watchlist.order-incomplete", "must name every watched stock exactly once");
            default -> MarketDataProblems.translate(error);
        };
    }

    static ProblemException malformedSymbol(String field) {
        return MarketDataProblems.invalidField(
                field, "watchlist.symbol-malformed", "must be a KRX code or a US ticker");
    }
}
