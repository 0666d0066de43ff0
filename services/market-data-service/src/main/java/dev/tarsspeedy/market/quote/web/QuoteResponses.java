package dev.tarsspeedy.market.quote.web;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.quote.IntradayPoint;
import dev.tarsspeedy.market.quote.PriceHistory;
import dev.tarsspeedy.market.quote.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The quote API's bodies. */
final class QuoteResponses {

    private QuoteResponses() {}

    /**
     * One quote.
     *
     * @param name the listing's name in the caller's language (Korean first for Korean readers), {@code null} when
     *     the symbol master does not know it
     * @param freshness {@code LIVE}, {@code DELAYED}, {@code END_OF_DAY} or {@code STALE}, rated when served
     */
    record QuoteResponse(
            String symbol,
            String name,
            String market,
            String currency,
            BigDecimal price,
            BigDecimal change,
            BigDecimal changePercent,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal previousClose,
            Long volume,
            BigDecimal high52w,
            BigDecimal low52w,
            String source,
            Instant asOf,
            String freshness,
            LocalDate tradingDay,
            boolean inSession,
            boolean simulated) {

        static QuoteResponse of(Quote quote, String name) {
            ProviderQuote q = quote.provider();
            return new QuoteResponse(
                    q.symbol().code(),
                    name,
                    quote.market().name(),
                    quote.currency().getCurrencyCode(),
                    q.price(),
                    q.change(),
                    q.changePercent(),
                    q.open(),
                    q.high(),
                    q.low(),
                    q.previousClose(),
                    q.volume(),
                    q.high52w(),
                    q.low52w(),
                    q.source().name(),
                    q.asOf(),
                    quote.freshness().name(),
                    quote.tradingDay(),
                    quote.inSession(),
                    quote.simulated());
        }
    }

    /**
     * The quotes of several symbols.
     *
     * @param quotes those with a quote, in the order asked
     * @param missing the symbols without one (not listed, or not fetched yet)
     */
    record QuotesResponse(List<QuoteResponse> quotes, List<String> missing) {}

    /** A chart's data: {@code points} for the range 1d, {@code bars} for longer ones. */
    record HistoryResponse(
            String symbol, String range, String currency, List<PointResponse> points, List<BarResponse> bars) {

        static HistoryResponse of(PriceHistory history) {
            Symbol symbol = history.symbol();
            return new HistoryResponse(
                    symbol.code(),
                    history.range().code(),
                    symbol.market().currency().getCurrencyCode(),
                    history.points().stream().map(PointResponse::of).toList(),
                    history.bars().stream().map(BarResponse::of).toList());
        }
    }

    record PointResponse(Instant at, BigDecimal price, Long volume) {
        static PointResponse of(IntradayPoint point) {
            return new PointResponse(point.at(), point.price(), point.volume());
        }
    }

    record BarResponse(
            LocalDate date,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            long volume,
            String source) {
        static BarResponse of(DailyBar bar) {
            return new BarResponse(
                    bar.date(),
                    bar.open(),
                    bar.high(),
                    bar.low(),
                    bar.close(),
                    bar.volume(),
                    bar.source().name());
        }
    }
}
