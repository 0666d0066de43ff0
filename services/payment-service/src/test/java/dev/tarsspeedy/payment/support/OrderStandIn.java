package dev.tarsspeedy.payment.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Our own order service's {@code GET /internal/orders/{id}}, as the payment service expects it, until the real one
 * exists: orders the tests put in, 404 for others.
 */
public final class OrderStandIn implements AutoCloseable {

    private final HttpServer server;
    private final Map<UUID, TestOrder> orders = new ConcurrentHashMap<>();
    /** Orders whose look-up answers 500 (the order service failing) instead of the order. */
    private final Map<UUID, Boolean> failing = new ConcurrentHashMap<>();

    public record TestOrder(
            UUID orderId,
            UUID userId,
            String status,
            long amount,
            String productName,
            int quantity,
            Instant expiresAt) {

        String json() {
            return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"status\":\"" + status
                    + "\",\"amount\":" + amount + ",\"productName\":\"" + productName.replace("\"", "\\\"")
                    + "\",\"quantity\":" + quantity + ",\"expiresAt\":\"" + expiresAt + "\"}";
        }
    }

    public OrderStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/internal/orders/", exchange -> {
            try (exchange) {
                String id = exchange.getRequestURI().getPath().substring("/internal/orders/".length());
                TestOrder order;
                try {
                    order = orders.get(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    order = null;
                }
                boolean fail = order != null && failing.containsKey(order.orderId());
                int status = fail ? 500 : order == null ? 404 : 200;
                byte[] body =
                        (status == 200 ? order.json() : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public TestOrder put(TestOrder order) {
        orders.put(order.orderId(), order);
        return order;
    }

    /** Look-ups of the order answer 500 until {@link #recover}. */
    public void fail(UUID orderId) {
        failing.put(orderId, true);
    }

    public void recover(UUID orderId) {
        failing.remove(orderId);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
