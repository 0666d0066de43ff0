package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.YearHighLow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finnhub's answers read: a quote {@code {c,d,dp,h,l,o,pc,t}} where {@code c == 0} means no data (an unknown symbol
 * answers zeros, not an error); 429 is the per-minute limit, 401 a refused token; {@code t} (epoch seconds) is the
 * price's time.
 */
final class FinnhubResponses {

    private static final ProviderName FINNHUB = ProviderName.FINNHUB;
    private static final JsonMapper JSON = JsonMapper.shared();

    /** The venues kept in the US master (Finnhub's {@code exchange=US} also lists OTC and others). */
    static final Map<String, String> EXCHANGES = Map.of(
            "XNYS", "NYSE",
            "XNAS", "NASDAQ",
            "XASE", "NYSE American",
            "ARCX", "NYSE Arca",
            "BATS", "Cboe BZX");

    private FinnhubResponses() {}

    /** The answer's JSON when it is a success; otherwise the failure its status stands for. */
    static JsonNode success(int status, String body) {
        if (status == 429) {
            throw new ProviderException.RateLimited(FINNHUB, "HTTP 429 " + error(body));
        }
        if (status == 401 || status == 403) {
            throw new ProviderException.BadCredentials(FINNHUB, "HTTP " + status + " " + error(body));
        }
        if (status != 200) {
            throw new ProviderException.Unavailable(FINNHUB, "HTTP " + status + " " + error(body), null);
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ProviderException.Unavailable(FINNHUB, "an empty answer", null);
            }
            if (root.isObject() && root.has("error")) {
                throw new ProviderException.Unavailable(
                        FINNHUB, "error " + root.path("error").asString(), null);
            }
            return root;
        } catch (JacksonException e) {
            throw new ProviderException.Unavailable(FINNHUB, "unreadable answer", e);
        }
    }

    private static String error(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            String error = root == null ? null : Fields.text(root, "error");
            return error == null ? "" : error;
        } catch (JacksonException e) {
            return body == null ? "" : body.substring(0, Math.min(body.length(), 200));
        }
    }

    /** The quote; empty when Finnhub has no price ({@code c} 0 or absent) or no time for it. */
    static Optional<ProviderQuote> quote(Symbol symbol, JsonNode o, boolean simulated) {
        BigDecimal price = Fields.positive(o, "c");
        Long time = Fields.whole(o, "t");
        if (price == null || time == null || time <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ProviderQuote(
                symbol,
                FINNHUB,
                price,
                Fields.decimal(o, "d"),
                Fields.decimal(o, "dp"),
                Fields.positive(o, "o"),
                Fields.positive(o, "h"),
                Fields.positive(o, "l"),
                Fields.positive(o, "pc"),
                null,
                null,
                null,
                Instant.ofEpochSecond(time),
                false,
                simulated));
    }

    /**
     * The 52-week high and low of basic financials ({@code {metric: {52WeekHigh, 52WeekLow, ...}}}); empty when the
     * {@code metric} object lacks them (a symbol without data answers an empty one) or they are no range.
     */
    static Optional<YearHighLow> yearRange(Symbol symbol, JsonNode root) {
        JsonNode metric = root.path("metric");
        BigDecimal high = Fields.positive(metric, "52WeekHigh");
        BigDecimal low = Fields.positive(metric, "52WeekLow");
        if (high == null || low == null || low.compareTo(high) > 0) {
            return Optional.empty();
        }
        return Optional.of(new YearHighLow(symbol, high, low));
    }

    /** The common stocks of the US master on the venues of {@link #EXCHANGES}, with tickers that are well-formed. */
    static List<Listing> listings(JsonNode array) {
        List<Listing> listings = new ArrayList<>();
        for (JsonNode row : array.isArray() ? array.values() : List.<JsonNode>of()) {
            String ticker = Fields.text(row, "symbol");
            String name = Fields.text(row, "description");
            String exchange =
                    EXCHANGES.get(Optional.ofNullable(Fields.text(row, "mic")).orElse(""));
            if (!"Common Stock".equals(Fields.text(row, "type"))
                    || ticker == null
                    || name == null
                    || exchange == null
                    || !Symbol.isWellFormed(ticker)) {
                continue;
            }
            Symbol symbol = Symbol.parse(ticker);
            if (symbol.market() == Market.US) {
                listings.add(new Listing(symbol, Market.US, exchange, null, name));
            }
        }
        return listings;
    }
}
