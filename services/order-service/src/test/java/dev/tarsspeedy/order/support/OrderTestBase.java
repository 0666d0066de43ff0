package dev.tarsspeedy.order.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.test.SecuredServiceTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The order service on a random port against real PostgreSQL, Redis and Kafka, with a JWKS stand-in for the identity
 * service ({@link SecuredServiceTestBase}). Every IT shares this one context; each test uses drops and buyers of its
 * own.
 */
public abstract class OrderTestBase extends SecuredServiceTestBase {

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    /** Publishes the drop as the catalog would and waits until the service stored it and loaded it into Redis. */
    protected DropChanged publish(DropChanged drop) {
        EventEnvelope event = EventEnvelope.of(
                DropChanged.TYPE, DropChanged.VERSION, drop.dropId().toString(), drop);
        try {
            kafka.send(DropChanged.TOPIC, event.key(), event.toJson()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Objects.equals(
                        redis.opsForHash().get("drop:{" + drop.dropId() + "}:sale", "revision"),
                        Long.toString(drop.revision())));
        return drop;
    }

    protected WebTestClient.ResponseSpec buy(UUID drop, UUID user, int quantity, String key) {
        WebTestClient.RequestBodySpec request = client().post()
                .uri("/api/drops/{id}/orders", drop)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(user))
                .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(Map.of("quantity", quantity)).exchange();
    }

    /** Buys and expects 202; returns the answer. */
    protected Map<String, Object> bought(UUID drop, UUID user, int quantity) {
        return buy(drop, user, quantity, UUID.randomUUID().toString())
                .expectStatus()
                .isAccepted()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** The buyer's first page of orders ({@code GET /api/orders?page=0&size=10}), expecting 200. */
    protected Map<String, Object> ordersPage(UUID buyer) {
        return client().get()
                .uri("/api/orders?page=0&size=10")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(buyer))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** Reconciles the drop now, as an operator ({@code POST /api/admin/drops/{id}/reconcile}); returns the result. */
    protected Map<String, Object> reconcile(UUID drop) {
        return client().post()
                .uri("/api/admin/drops/{id}/reconcile", drop)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** One HTTP buy attempt's answer. */
    public record Attempt(UUID buyer, int status, Map<String, Object> body, String contentType, String retryAfter) {}

    /**
     * Every buyer tries {@code attemptsEach} times at once (distinct Idempotency-Keys), all over real HTTP with at
     * most {@code concurrency} requests in flight.
     */
    protected List<Attempt> flood(UUID drop, List<UUID> buyers, int attemptsEach, int concurrency) {
        return flood(drop, buyers, attemptsEach, concurrency, attempt -> {});
    }

    protected List<Attempt> flood(
            UUID drop, List<UUID> buyers, int attemptsEach, int concurrency, Consumer<Attempt> onAnswer) {
        WebClient web = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        Map<UUID, String> tokens = new ConcurrentHashMap<>();
        buyers.parallelStream().forEach(buyer -> tokens.put(buyer, userToken(buyer)));
        List<UUID> tries = new ArrayList<>();
        for (int attempt = 0; attempt < attemptsEach; attempt++) {
            tries.addAll(buyers);
        }
        Collections.shuffle(tries);
        return Flux.fromIterable(tries)
                .flatMap(
                        buyer -> web.post()
                                .uri("/api/drops/{id}/orders", drop)
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(buyer))
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("quantity", 1))
                                .exchangeToMono(response -> response.bodyToMono(MAP)
                                        .defaultIfEmpty(Map.of())
                                        .map(body -> new Attempt(
                                                buyer,
                                                response.statusCode().value(),
                                                body,
                                                String.valueOf(response.headers()
                                                        .contentType()
                                                        .orElse(null)),
                                                response.headers()
                                                        .asHttpHeaders()
                                                        .getFirst(HttpHeaders.RETRY_AFTER))))
                                .doOnNext(onAnswer),
                        concurrency)
                .collectList()
                .block(Duration.ofMinutes(3));
    }

    protected int stock(UUID drop) {
        String value = redis.opsForValue().get("drop:{" + drop + "}:stock");
        return value == null ? -1 : Integer.parseInt(value);
    }

    /** Units Redis holds for reservations of the drop, by order id. */
    protected Map<Object, Object> held(UUID drop) {
        return redis.opsForHash().entries("drop:{" + drop + "}:held");
    }

    protected java.util.Set<String> liveOrderIds(UUID drop) {
        return new java.util.HashSet<>(database.sql("select id from customer_order where drop_id = :d"
                        + " and status in ('PENDING_PAYMENT', 'PAID', 'PREPARING', 'SHIPPING', 'DELIVERED')")
                .bind("d", drop)
                .map(row -> row.get(0, UUID.class).toString())
                .all()
                .collectList()
                .block());
    }

    protected long orders(UUID drop) {
        return count("select count(*) from customer_order where drop_id = :d", "d", drop);
    }

    protected long ordersIn(UUID drop, String status) {
        return count("select count(*) from customer_order where drop_id = :d and status = :s", "d", drop, "s", status);
    }

    protected long sold(UUID drop) {
        return count("select sold::bigint from sale where id = :d", "d", drop);
    }

    protected String statusOf(Object orderId) {
        return database.sql("select status from customer_order where id = :id")
                .bind("id", UUID.fromString(orderId.toString()))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    protected void awaitOrders(UUID drop, long expected) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(orders(drop)).isEqualTo(expected));
    }
}
