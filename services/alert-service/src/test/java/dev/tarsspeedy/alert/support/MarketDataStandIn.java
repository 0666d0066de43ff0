package dev.tarsspeedy.alert.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the market-data service's public API in the JSON shapes it fixes (symbols, quotes, history,
 * calendars), and for the notification service's preview endpoint: listings, prices, holidays and session times are
 * what the test sets; it can fail or hang on demand and counts the calls per kind.
 */
public final class MarketDataStandIn implements AutoCloseable {

    public enum Mode {
        UP,
        /** 503 for every market-data call. */
        DOWN,
        /** Answers after 5 seconds, beyond the service's timeout. */
        SLOW
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, ZoneId> ZONES =
            Map.of("KRX", ZoneId.of("Asia/Seoul"), "US", ZoneId.of("America/New_York"));

    private record Listing(String symbol, String market, String nameKo, String nameEn) {}

    private final HttpServer server;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
    private final Map<String, String> holidays = new ConcurrentHashMap<>();
    private final Map<String, LocalTime[]> specialSessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> previews = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.UP;
    private volatile boolean inSession = false;
    private volatile boolean previewFails = false;

    public MarketDataStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/market/", this::market);
        server.createContext("/internal/templates/", this::preview);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        listing("005930", "KRX", "삼성전자", "Samsung Electronics", "71500");
        listing("000660", "KRX", "SK하이닉스", "SK hynix", "185000");
        listing("AAPL", "US", "애플", "Apple Inc.", "198.5");
        listing("MSFT", "US", "마이크로소프트", "Microsoft Corp.", "420.1");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void listing(String symbol, String market, String nameKo, String nameEn, String price) {
        listings.put(symbol, new Listing(symbol, market, nameKo, nameEn));
        prices.put(symbol, new BigDecimal(price));
    }

    public void price(String symbol, String price) {
        prices.put(symbol, new BigDecimal(price));
    }

    /** The market does not trade that day (its own date), under this holiday name. */
    public void holiday(String market, LocalDate date, String name) {
        holidays.put(market + "|" + date, name);
    }

    /** Forgets every holiday and special session set so far. */
    public void resetCalendar() {
        holidays.clear();
        specialSessions.clear();
    }

    /** That day's session opens and closes at these local times (a late open, an early close). */
    public void session(String market, LocalDate date, LocalTime opens, LocalTime closes) {
        specialSessions.put(market + "|" + date, new LocalTime[] {opens, closes});
    }

    public void inSession(boolean inSession) {
        this.inSession = inSession;
    }

    /** The preview endpoint answers 500 while set. */
    public void previewFails(boolean fails) {
        this.previewFails = fails;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Calls so far of a kind: {@code symbols}, {@code quotes}, {@code history}, {@code calendar}, {@code preview}. */
    public int calls(String kind) {
        return calls.computeIfAbsent(kind, k -> new AtomicInteger()).get();
    }

    /** The bodies the preview endpoint received, oldest first. */
    public List<Map<String, Object>> previews() {
        return List.copyOf(previews);
    }

    private void market(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String language = exchange.getRequestHeaders().getFirst("Accept-Language");
            boolean korean = language != null && language.startsWith("ko");
            String kind = path.startsWith("/api/market/symbols/")
                    ? "symbols"
                    : path.equals("/api/market/quotes")
                            ? "quotes"
                            : path.endsWith("/history")
                                    ? "history"
                                    : path.equals("/api/market/calendar") ? "calendar" : "other";
            calls.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            if (mode == Mode.DOWN) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (mode == Mode.SLOW) {
                sleep(5000);
            }
            switch (kind) {
                case "symbols" -> {
                    Listing listing = listings.get(path.substring("/api/market/symbols/".length()));
                    if (listing == null) {
                        send(exchange, 404, Map.of("type", "https://tars-speedy.dev/problems/unknown-symbol"));
                        return;
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("symbol", listing.symbol());
                    body.put("market", listing.market());
                    body.put("exchange", listing.market().equals("KRX") ? "KOSPI" : "NASDAQ");
                    body.put("nameKo", listing.nameKo());
                    body.put("nameEn", listing.nameEn());
                    body.put("name", korean ? listing.nameKo() : listing.nameEn());
                    send(exchange, 200, body);
                }
                case "quotes" -> {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (String symbol : query.getOrDefault("symbols", "").split(",")) {
                        Listing listing = listings.get(symbol);
                        if (listing != null) {
                            items.add(quote(listing, korean));
                        }
                    }
                    send(exchange, 200, Map.of("quotes", items, "missing", List.of()));
                }
                case "history" -> {
                    String symbol = path.substring("/api/market/quotes/".length(), path.length() - "/history".length());
                    String range = query.getOrDefault("range", "1d");
                    BigDecimal price = prices.getOrDefault(symbol, BigDecimal.TEN);
                    List<Map<String, Object>> points = new ArrayList<>();
                    List<Map<String, Object>> bars = new ArrayList<>();
                    Instant now = Instant.now();
                    for (int i = 29; i >= 0; i--) {
                        Map<String, Object> point = new LinkedHashMap<>();
                        BigDecimal value = price.add(BigDecimal.valueOf((i % 5) - 2));
                        if (range.equals("1d") || range.equals("5d")) {
                            point.put("at", now.minusSeconds(60L * i).toString());
                            point.put("price", value);
                            point.put("volume", 1000);
                            points.add(point);
                        } else {
                            point.put("date", LocalDate.now().minusDays(i).toString());
                            point.put("open", value);
                            point.put("high", value);
                            point.put("low", value);
                            point.put("close", value);
                            point.put("volume", 1000);
                            point.put("source", "FSC");
                            bars.add(point);
                        }
                    }
                    // The market-data service's history shape: intraday points, or daily bars.
                    send(
                            exchange,
                            200,
                            Map.of(
                                    "symbol", symbol,
                                    "range", range,
                                    "currency", "KRW",
                                    "points", points,
                                    "bars", bars));
                }
                case "calendar" -> send(exchange, 200, calendar(query, korean));
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private Map<String, Object> quote(Listing listing, boolean korean) {
        BigDecimal price = prices.get(listing.symbol());
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("symbol", listing.symbol());
        quote.put("market", listing.market());
        quote.put("currency", listing.market().equals("KRX") ? "KRW" : "USD");
        quote.put("price", price);
        quote.put("change", BigDecimal.ONE);
        quote.put("changePercent", new BigDecimal("0.5"));
        quote.put("open", price);
        quote.put("high", price);
        quote.put("low", price);
        quote.put("previousClose", price.subtract(BigDecimal.ONE));
        quote.put("volume", 123_456);
        quote.put("high52w", price.add(BigDecimal.TEN));
        quote.put("low52w", null); // a number the provider did not give: JSON null
        quote.put("source", listing.market().equals("KRX") ? "KIS" : "FINNHUB");
        quote.put("asOf", Instant.now().toString());
        quote.put("freshness", "DELAYED");
        quote.put("tradingDay", LocalDate.now().toString());
        quote.put("inSession", inSession);
        quote.put("simulated", true);
        quote.put("name", korean ? listing.nameKo() : listing.nameEn());
        return quote;
    }

    private Map<String, Object> calendar(Map<String, String> query, boolean korean) {
        String market = query.get("market");
        ZoneId zone = ZONES.get(market);
        LocalDate from = LocalDate.parse(query.get("from"));
        LocalDate to = LocalDate.parse(query.get("to"));
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> closed = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            String holiday = holidays.get(market + "|" + date);
            if (holiday != null) {
                closed.add(Map.of("date", date.toString(), "name", holiday));
                continue;
            }
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            LocalTime[] times = specialSessions.getOrDefault(
                    market + "|" + date,
                    market.equals("KRX")
                            ? new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(15, 30)}
                            : new LocalTime[] {LocalTime.of(9, 30), LocalTime.of(16, 0)});
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("date", date.toString());
            session.put(
                    "opens", ZonedDateTime.of(date, times[0], zone).toInstant().toString());
            session.put(
                    "closes", ZonedDateTime.of(date, times[1], zone).toInstant().toString());
            session.put("opensLocal", times[0].toString());
            session.put("closesLocal", times[1].toString());
            session.put(
                    "note",
                    specialSessions.containsKey(market + "|" + date) ? (korean ? "시간 변경" : "changed hours") : null);
            sessions.add(session);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("market", market);
        body.put("zone", zone.getId());
        body.put("sessions", sessions);
        body.put("holidays", closed);
        return body;
    }

    @SuppressWarnings("unchecked")
    private void preview(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.computeIfAbsent("preview", k -> new AtomicInteger()).incrementAndGet();
            if (previewFails) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            // Like the real one, the endpoint takes the caller's access token.
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")
                    || !exchange.getRequestURI().getPath().equals("/internal/templates/stock-report/preview")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, Object> request =
                    JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            previews.add(request);
            Map<String, Object> model = (Map<String, Object>) request.get("model");
            List<Map<String, Object>> rows = (List<Map<String, Object>>) model.get("rows");
            StringBuilder html =
                    new StringBuilder("<!doctype html><html lang=\"" + request.get("locale") + "\"><body><table>");
            for (Map<String, Object> row : rows) {
                html.append("<tr><td>")
                        .append(row.get("stockName"))
                        .append("</td><td>")
                        .append(row.get("price"))
                        .append("</td><td><img src=\"data:image/png;base64,iVBORw0KGgo=\"></td></tr>");
            }
            html.append("</table></body></html>");
            byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String parameter : raw.split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2) {
                query.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
