package dev.tarsspeedy.standin.market;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One call as the handlers see it: method, path, query, headers, and the ways to answer. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 64 * 1024;

    final HttpExchange exchange;
    final String method;
    final String path;
    final Map<String, String> query;

    Http(HttpExchange exchange) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path = exchange.getRequestURI().getPath();
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The query parameter, its name matched without regard to case (KIS takes FID_... and fid_... alike). */
    String param(String name) {
        String exact = query.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    JsonNode jsonBody() throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY);
        }
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            return null;
        }
    }

    void json(int status, Object body) throws IOException {
        send(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    void xml(int status, String body) throws IOException {
        send(status, "text/xml;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    void text(int status, String body) throws IOException {
        send(status, "text/plain;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    void noContent() throws IOException {
        exchange.sendResponseHeaders(204, -1);
    }

    void send(int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
