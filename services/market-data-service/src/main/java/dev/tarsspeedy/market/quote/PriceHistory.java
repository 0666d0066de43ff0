package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import java.util.List;

/**
 * A chart's data: the day's intraday points (range 1d) or daily bars (longer ranges).
 *
 * @param symbol the stock
 * @param range the range asked for
 * @param points the intraday points, oldest first (empty for daily ranges)
 * @param bars the daily bars, oldest first (empty for the intraday range)
 */
public record PriceHistory(Symbol symbol, HistoryRange range, List<IntradayPoint> points, List<DailyBar> bars) {

    public PriceHistory {
        points = List.copyOf(points);
        bars = List.copyOf(bars);
    }

    static PriceHistory intraday(Symbol symbol, HistoryRange range, List<IntradayPoint> points) {
        return new PriceHistory(symbol, range, points, List.of());
    }

    static PriceHistory daily(Symbol symbol, HistoryRange range, List<DailyBar> bars) {
        return new PriceHistory(symbol, range, List.of(), bars);
    }
}
