package dev.tarsspeedy.infra.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mailbox's HTTP API and web pages.
 *
 * <ul>
 *   <li>{@code GET /api/messages[?to=ADDRESS]}: JSON array of {@link MailMessage}, oldest first
 *   <li>{@code DELETE /api/messages}: deletes every message, 204
 *   <li>{@code GET /}: the web page; {@code GET /messages/ID}: one message; {@code POST /api/messages/delete}: the
 *       page's "Delete all" button
 * </ul>
 */
final class MailboxHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(MailboxHttpHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MESSAGES = "/api/messages";
    private static final String MESSAGE_PAGES = "/messages/";

    private final MailStore store;
    private final Runnable deleteAll;

    /** @param deleteAll empties the store and whatever else keeps messages */
    MailboxHttpHandler(MailStore store, Runnable deleteAll) {
        this.store = store;
        this.deleteAll = deleteAll;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            route(
                    exchange,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath());
        } catch (Exception e) {
            // One bad request must not take the mailbox down, nor leave the client without an answer.
            log.warn("mailbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            if (exchange.getResponseCode() == -1) {
                try {
                    sendText(exchange, 500, "internal error: " + e + "\n");
                } catch (IOException | RuntimeException ignored) {
                    // the client went away
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        if (path.equals("/")) {
            if (allowed(exchange, method, "GET")) {
                sendHtml(exchange, 200, MailboxPage.list(store.all()));
            }
        } else if (path.equals(MESSAGES)) {
            if (allowed(exchange, method, "GET", "DELETE")) {
                if (method.equals("GET")) {
                    listMessages(exchange);
                } else {
                    deleteAll.run();
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        } else if (path.equals(MESSAGES + "/delete")) {
            if (allowed(exchange, method, "POST")) {
                deleteAll.run();
                // Post/redirect/get: reloading the page afterwards does not delete again.
                exchange.getResponseHeaders().set("Location", "../../");
                exchange.sendResponseHeaders(303, -1);
            }
        } else if (path.startsWith(MESSAGE_PAGES) && path.length() > MESSAGE_PAGES.length()) {
            if (allowed(exchange, method, "GET")) {
                Optional<MailMessage> message = store.byId(path.substring(MESSAGE_PAGES.length()));
                if (message.isPresent()) {
                    sendHtml(exchange, 200, MailboxPage.message(message.get()));
                } else {
                    sendText(exchange, 404, "no message " + path.substring(MESSAGE_PAGES.length()) + "\n");
                }
            }
        } else {
            sendText(exchange, 404, "not found: " + path + "\n");
        }
    }

    private void listMessages(HttpExchange exchange) throws IOException {
        Optional<String> to;
        try {
            to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
        } catch (IllegalArgumentException e) {
            sendText(exchange, 400, "malformed query: " + e.getMessage() + "\n");
            return;
        }
        if (to.isPresent() && to.get().isBlank()) {
            sendText(exchange, 400, "'to' must be an address; leave it out for every message\n");
            return;
        }
        List<MailMessage> messages =
                to.map(address -> store.to(address.strip())).orElseGet(store::all);
        send(exchange, 200, "application/json; charset=utf-8", JSON.writeValueAsString(messages));
    }

    /** Decodes a query parameter, keeping a literal '+' as a plus: addresses have no spaces but often a +tag. */
    static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> decode(pair[0]).equals(name))
                .map(pair -> pair.length == 2 ? decode(pair[1]) : "")
                .findFirst();
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean allowed(HttpExchange exchange, String method, String... allowed) throws IOException {
        if (Arrays.asList(allowed).contains(method)) {
            return true;
        }
        String allow = String.join(", ", allowed);
        exchange.getResponseHeaders().set("Allow", allow);
        sendText(exchange, 405, method + " is not allowed here; use " + allow + "\n");
        return false;
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // Mail arrives any time: a cached list would hide it.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
