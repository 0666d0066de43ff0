package dev.tarsspeedy.standin.market;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finnhub's free tier: {@code GET /api/v1/quote?symbol=} ({@code {c,d,dp,h,l,o,pc,t}}, zeros and nulls for a symbol it
 * has no data for), {@code GET /api/v1/stock/symbol?exchange=US} (the symbol master), {@code GET
 * /api/v1/stock/metric?symbol=&metric=all} (basic financials: here only the 52-week high and low with their dates, from
 * the same year of history as the quotes; an empty {@code metric} for a symbol it has no data for), and {@code
 * /api/v1/stock/candle} refused with 403 as the free tier refuses it. The token comes as the {@code token} query parameter or the {@code
 * X-Finnhub-Token} header; 60 calls a minute per token (and at most 30 in a second), then HTTP 429.
 */
final class FinnhubApi {

    private static final String NO_ACCESS = "You don't have access to this resource.";
    /** Finnhub's cap on top of every plan's limit. */
    private static final int PER_SECOND = 30;

    private final MarketStandIn market;
    private final Map<String, RateWindow> limits = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> bursts = new ConcurrentHashMap<>();

    FinnhubApi(MarketStandIn market) {
        this.market = market;
    }

    void handle(Http http, String endpoint) throws IOException {
        String token = http.param("token");
        if (token == null || token.isBlank()) {
            token = http.header("X-Finnhub-Token");
        }
        if (token == null || token.isBlank()) {
            http.json(401, Map.of("error", "Please use an API key."));
            return;
        }
        String configured = market.settings().finnhubToken();
        if (market.controls().refusesKeys(Provider.FINNHUB) || configured != null && !configured.equals(token)) {
            http.json(401, Map.of("error", "Invalid API key"));
            return;
        }
        int perMinute = market.settings().finnhubCallsPerMinute();
        RateWindow limit = limits.computeIfAbsent(token, t -> new RateWindow(perMinute, 60_000_000_000L));
        RateWindow burst = bursts.computeIfAbsent(token, t -> new RateWindow(PER_SECOND, 1_000_000_000L));
        long now = market.nanoTime();
        // every plan also stops at 30 calls in a second; a call refused there takes no place in the minute
        boolean allowed = burst.tryAcquire(now) && limit.tryAcquire(now);
        http.exchange.getResponseHeaders().set("X-Ratelimit-Limit", String.valueOf(perMinute));
        http.exchange.getResponseHeaders().set("X-Ratelimit-Remaining", String.valueOf(limit.remaining(now)));
        http.exchange
                .getResponseHeaders()
                .set(
                        "X-Ratelimit-Reset",
                        String.valueOf(market.clock().instant().getEpochSecond() + 60));
        if (!allowed) {
            http.json(429, Map.of("error", "API limit reached. Please try again later. Remaining Limit: 0"));
            return;
        }
        if (!http.method.equals("GET")) {
            http.text(405, "Method Not Allowed");
            return;
        }
        switch (http.path) {
            case "/api/v1/quote" -> quote(http);
            case "/api/v1/stock/symbol" -> symbols(http);
            case "/api/v1/stock/metric" -> metric(http);
            case "/api/v1/stock/candle" -> http.json(403, Map.of("error", NO_ACCESS));
            default -> http.text(404, "404 page not found");
        }
    }

    private void quote(Http http) throws IOException {
        String symbol = http.param("symbol");
        if (symbol == null || symbol.isBlank()) {
            http.json(422, Map.of("error", "Symbol is required"));
            return;
        }
        symbol = symbol.trim().toUpperCase();
        if (symbol.endsWith(".KS") || symbol.endsWith(".KQ")) {
            // international listings are not in the free tier
            http.json(403, Map.of("error", NO_ACCESS));
            return;
        }
        Optional<Listing> listing = market.master().find(symbol).filter(l -> l.market() == Market.US);
        if (listing.isEmpty() || market.controls().zero(Provider.FINNHUB, symbol)) {
            http.json(200, noData());
            return;
        }
        PriceModel.Snapshot s = market.snapshot(listing.get(), market.now(Provider.FINNHUB));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("c", s.price());
        out.put("d", s.change().setScale(2, RoundingMode.HALF_UP));
        out.put("dp", percent(s));
        out.put("h", s.high());
        out.put("l", s.low());
        out.put("o", s.open());
        out.put("pc", s.previousClose());
        out.put("t", s.asOf().getEpochSecond());
        http.json(200, out);
    }

    /** Basic financials: {@code {metric: {52WeekHigh, 52WeekHighDate, 52WeekLow, 52WeekLowDate}, metricType, series, symbol}}. */
    private void metric(Http http) throws IOException {
        String symbol = http.param("symbol");
        String metric = http.param("metric");
        if (symbol == null || symbol.isBlank() || metric == null || metric.isBlank()) {
            http.json(422, Map.of("error", "Wrong metric or symbol"));
            return;
        }
        symbol = symbol.trim().toUpperCase();
        Optional<Listing> listing = market.master().find(symbol).filter(l -> l.market() == Market.US);
        Map<String, Object> figures = new LinkedHashMap<>();
        if (listing.isPresent() && !market.controls().zero(Provider.FINNHUB, symbol)) {
            PriceModel.Snapshot s = market.snapshot(listing.get(), market.now(Provider.FINNHUB));
            figures.put("52WeekHigh", s.week52High());
            figures.put("52WeekHighDate", s.week52HighDay().toString());
            figures.put("52WeekLow", s.week52Low());
            figures.put("52WeekLowDate", s.week52LowDay().toString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", figures);
        out.put("metricType", figures.isEmpty() ? "" : "all");
        out.put("series", Map.of());
        out.put("symbol", figures.isEmpty() ? "" : symbol);
        http.json(200, out);
    }

    /** What Finnhub answers for a symbol it has no quote for: {@code c} 0, {@code d} and {@code dp} null. */
    private static Map<String, Object> noData() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("c", 0);
        out.put("d", null);
        out.put("dp", null);
        out.put("h", 0);
        out.put("l", 0);
        out.put("o", 0);
        out.put("pc", 0);
        out.put("t", 0);
        return out;
    }

    private static BigDecimal percent(PriceModel.Snapshot s) {
        return s.change().multiply(BigDecimal.valueOf(100)).divide(s.previousClose(), 4, RoundingMode.HALF_UP);
    }

    private void symbols(Http http) throws IOException {
        String exchange = http.param("exchange");
        if (exchange == null || exchange.isBlank()) {
            http.json(422, Map.of("error", "Wrong exchange code"));
            return;
        }
        if (!exchange.equalsIgnoreCase("US")) {
            http.json(403, Map.of("error", NO_ACCESS));
            return;
        }
        String mic = http.param("mic");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : market.listings(Market.US)) {
            String listingMic = l.exchange().equals("NYSE") ? "XNYS" : "XNAS";
            if (mic != null && !mic.isBlank() && !mic.equalsIgnoreCase(listingMic)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("currency", "USD");
            row.put("description", l.englishName().toUpperCase());
            row.put("displaySymbol", l.symbol());
            row.put("figi", "");
            row.put("isin", null);
            row.put("mic", listingMic);
            row.put("shareClassFIGI", "");
            row.put("symbol", l.symbol());
            row.put("symbol2", "");
            row.put("type", "Common Stock");
            rows.add(row);
        }
        http.json(200, rows);
    }
}
