package dev.tarsspeedy.market;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the public market API that other code reads: the alert service (quotes, history, calendar, a
 * symbol) and the web interface (search, quotes, history, the quote stream). Each shape is its members in order; a
 * member holding another shape names it ({@code quotes: [quote]} a list of them, {@code session: session} one).
 * {@link MarketApiContractIT} checks the service's answers against these, {@link MarketApiShapesDocumentedTest} the
 * README's "JSON shapes" block: renaming or dropping a member fails both until every consumer was looked at.
 */
final class MarketApiShapes {

    private MarketApiShapes() {}

    /** A member of a shape: its name and, when it holds other shapes, which one and whether as a list. */
    record Member(String name, String shape, boolean list) {

        /** {@code name}, {@code name: shape} or {@code name: [shape]}. */
        static Member parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return new Member(text.strip(), null, false);
            }
            String type = text.substring(colon + 1).strip();
            boolean list = type.startsWith("[") && type.endsWith("]");
            String shape = list ? type.substring(1, type.length() - 1).strip() : type;
            return new Member(text.substring(0, colon).strip(), shape.equals("string") ? null : shape, list);
        }

        @Override
        public String toString() {
            if (shape == null) {
                return list ? name + ": [string]" : name;
            }
            return name + ": " + (list ? "[" + shape + "]" : shape);
        }
    }

    /** Every shape by name, as the README writes them. */
    static final Map<String, String> WRITTEN = written();

    private static Map<String, String> written() {
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("quotes", "quotes: [quote], missing: [string]");
        shapes.put(
                "quote",
                "symbol, name, market, currency, price, change, changePercent, open, high, low, previousClose, volume,"
                        + " high52w, low52w, source, asOf, freshness, tradingDay, inSession, simulated");
        shapes.put("history", "symbol, range, currency, points: [point], bars: [bar]");
        shapes.put("point", "at, price, volume");
        shapes.put("bar", "date, open, high, low, close, volume, source");
        shapes.put("symbols", "items: [symbol], page, size, total");
        shapes.put("symbol", "symbol, market, exchange, nameKo, nameEn, currency, listed");
        shapes.put("status", "at, simulated, markets: [marketStatus]");
        shapes.put("marketStatus", "market, zone, open, simulated, session: session, closedBecause, reason");
        shapes.put("calendar", "market, zone, from, to, simulated, sessions: [session], holidays: [holiday]");
        shapes.put("session", "date, opens, closes, opensLocal, closesLocal, note");
        shapes.put("holiday", "date, name");
        return java.util.Collections.unmodifiableMap(shapes);
    }

    /** The members of a shape written as {@code a, b: [c], d: e}. */
    static List<Member> members(String written) {
        return java.util.Arrays.stream(written.split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .map(Member::parse)
                .toList();
    }

    static List<Member> shape(String name) {
        String written = WRITTEN.get(name);
        if (written == null) {
            throw new IllegalArgumentException("no shape " + name);
        }
        return members(written);
    }

    static List<String> names(String shape) {
        return shape(shape).stream().map(Member::name).toList();
    }
}
