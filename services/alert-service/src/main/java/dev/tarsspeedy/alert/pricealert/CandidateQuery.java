package dev.tarsspeedy.alert.pricealert;

import dev.tarsspeedy.alert.Symbol;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which alerts of a symbol one quote can change: those with the session preference whose watched line lies between
 * the previous value and the current one in its space, the armed 52-week alerts when the price reached the 52-week
 * high or low, and the move alerts that fired on an earlier trading day (a new day re-arms them). Everything else is
 * left unread: the cost of a quote follows the alerts it crosses, not the alerts the symbol has.
 */
public record CandidateQuery(
        Symbol symbol,
        boolean regularHoursOnly,
        Map<Watch.Space, QuoteFacts.Range> ranges,
        boolean high52w,
        boolean low52w,
        LocalDate tradingDay,
        boolean intraday) {

    public CandidateQuery {
        ranges = Map.copyOf(ranges);
    }

    public static CandidateQuery of(Symbol symbol, boolean regularHoursOnly, QuoteFacts facts) {
        Map<Watch.Space, QuoteFacts.Range> ranges = new EnumMap<>(Watch.Space.class);
        for (Watch.Space space : Watch.Space.values()) {
            QuoteFacts.Range range = facts.in(space);
            if (range.known() && range.previous().compareTo(range.current()) != 0) {
                ranges.put(space, range);
            }
        }
        return new CandidateQuery(
                symbol,
                regularHoursOnly,
                ranges,
                facts.reachedHigh52w(),
                facts.reachedLow52w(),
                facts.tradingDay(),
                facts.intraday());
    }

    /** Whether no alert can be affected at all (nothing to read). */
    public boolean empty() {
        return ranges.isEmpty() && !high52w && !low52w && !intraday;
    }
}
