package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The last quote the evaluation applied to a symbol: what the next quote's crossings are measured from. Alerts for
 * regular hours only measure from the last in-session price, the others from the last price of any time.
 *
 * @param lastAsOf the newest quote time applied; a quote not newer is skipped ({@code null}: none yet)
 * @param lastPrice last live or delayed price
 * @param lastDay its trading day
 * @param sessionPrice last live or delayed price taken in the regular session
 * @param sessionDay its trading day
 */
public record SymbolQuoteState(
        Symbol symbol,
        Instant lastAsOf,
        BigDecimal lastPrice,
        LocalDate lastDay,
        BigDecimal sessionPrice,
        LocalDate sessionDay) {

    public SymbolQuoteState {
        Objects.requireNonNull(symbol, "symbol");
    }

    public static SymbolQuoteState none(Symbol symbol) {
        return new SymbolQuoteState(symbol, null, null, null, null, null);
    }

    /** Whether the quote is newer than everything applied so far. */
    public boolean isOlderThan(PriceQuote quote) {
        return lastAsOf == null || quote.asOf().isAfter(lastAsOf);
    }

    /** The facts alerts of one session preference read from this state and the quote. */
    public QuoteFacts facts(PriceQuote quote, boolean regularHoursOnly) {
        BigDecimal previous = regularHoursOnly ? sessionPrice : lastPrice;
        LocalDate previousDay = regularHoursOnly ? sessionDay : lastDay;
        BigDecimal move = quote.moveOf(quote.price());
        BigDecimal previousMove;
        if (previous == null || move == null) {
            previousMove = null;
        } else if (quote.tradingDay().equals(previousDay)) {
            previousMove = quote.moveOf(previous);
        } else {
            // A new trading day starts from its previous close: the first quote's whole move is new.
            previousMove = BigDecimal.ZERO;
        }
        return new QuoteFacts(
                quote.price(),
                previous,
                move,
                previousMove,
                quote.high52w(),
                quote.low52w(),
                quote.asOf(),
                quote.tradingDay(),
                quote.freshness().intraday());
    }

    /** This state after the quote was applied. */
    public SymbolQuoteState after(PriceQuote quote) {
        if (!quote.freshness().intraday()) {
            return new SymbolQuoteState(symbol, quote.asOf(), lastPrice, lastDay, sessionPrice, sessionDay);
        }
        return quote.inSession()
                ? new SymbolQuoteState(
                        symbol, quote.asOf(), quote.price(), quote.tradingDay(), quote.price(), quote.tradingDay())
                : new SymbolQuoteState(
                        symbol, quote.asOf(), quote.price(), quote.tradingDay(), sessionPrice, sessionDay);
    }
}
