package dev.tarsspeedy.catalog.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the order service's {@code GET /internal/drops/stock?dropId=...}: answers the stock set by the test
 * for the drops it was told about (others are absent, as in the real one), or fails or hangs on demand.
 */
public final class StockStandIn implements AutoCloseable {

    public enum Mode {
        UP,
        /** 503 for every call. */
        DOWN,
        /** Answers after 3 seconds, far beyond the catalog's timeout. */
        SLOW
    }

    private final HttpServer server;
    private final Map<UUID, int[]> stock = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.UP;

    public StockStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/drops/stock", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void set(UUID dropId, int remaining, int sold) {
        stock.put(dropId, new int[] {remaining, sold});
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Mode now = mode;
            if (now == Mode.DOWN) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (now == Mode.SLOW) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<String> entries = new ArrayList<>();
            String query = exchange.getRequestURI().getRawQuery();
            for (String parameter : query == null ? new String[0] : query.split("&")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2 && pair[0].equals("dropId")) {
                    UUID id = UUID.fromString(URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
                    int[] level = stock.get(id);
                    if (level != null) {
                        entries.add(
                                "{\"dropId\":\"" + id + "\",\"remaining\":" + level[0] + ",\"sold\":" + level[1] + "}");
                    }
                }
            }
            byte[] body = ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
