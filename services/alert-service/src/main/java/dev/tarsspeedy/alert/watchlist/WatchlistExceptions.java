package dev.tarsspeedy.alert.watchlist;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import java.util.List;

/** The watchlist's refusals; the web layer turns each into a problem. */
public final class WatchlistExceptions {

    private WatchlistExceptions() {}

    /** The market-data service lists no stock under the symbol. */
    public static final class UnknownSymbolException extends RuntimeException {
        private final transient Symbol symbol;

        public UnknownSymbolException(Symbol symbol) {
            super("unknown symbol " + symbol);
            this.symbol = symbol;
        }

        public Symbol symbol() {
            return symbol;
        }
    }

    /** The watchlist already holds the most stocks allowed. */
    public static final class WatchlistFullException extends RuntimeException {
        private final int max;

        public WatchlistFullException(int max) {
            super("the watchlist holds " + max + " stocks already");
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    /** The stock is not on the user's watchlist. */
    public static final class NotWatchedException extends RuntimeException {
        private final transient Symbol symbol;

        public NotWatchedException(Symbol symbol) {
            super(symbol + " is not on the watchlist");
            this.symbol = symbol;
        }

        public Symbol symbol() {
            return symbol;
        }
    }

    /** The stock has price alerts and the removal did not say what happens to them. */
    public static final class StockHasAlertsException extends RuntimeException {
        private final transient Symbol symbol;
        private final transient List<AlertId> alerts;

        public StockHasAlertsException(Symbol symbol, List<AlertId> alerts) {
            super(symbol + " has " + alerts.size() + " price alerts");
            this.symbol = symbol;
            this.alerts = List.copyOf(alerts);
        }

        public Symbol symbol() {
            return symbol;
        }

        public List<AlertId> alerts() {
            return alerts;
        }
    }

    /** A new order that is not exactly the watchlist's stocks, each once. */
    public static final class NotTheWholeListException extends RuntimeException {
        public NotTheWholeListException() {
            super("the order must name every watched stock exactly once");
        }
    }
}
