package dev.tarsspeedy.alert.support;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.platform.test.SecuredServiceTestBase;
import dev.tarsspeedy.platform.test.TestClockConfiguration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The alert service on a random port against real PostgreSQL, Redis and Kafka, with a JWKS stand-in for the identity
 * service ({@link SecuredServiceTestBase}), a clock the tests move, and {@link MarketDataStandIn} playing the
 * market-data service and the notification service's preview endpoint. Every IT shares this one context; each test
 * makes users of its own.
 */
@Import(TestClockConfiguration.class)
public abstract class AlertTestBase extends SecuredServiceTestBase {

    protected static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    protected static final MarketDataStandIn MARKET = new MarketDataStandIn();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.market.base-url", MARKET::baseUrl);
        registry.add("spring.http.serviceclient.notification.base-url", MARKET::baseUrl);
    }

    @Autowired
    protected MutableClock clock;

    /** A TARS user of their own, with the claims the identity service puts in tokens. */
    protected static User newUser(String locale, String zone) {
        UUID id = UUID.randomUUID();
        String email = "investor-" + id.toString().substring(0, 13) + "@example.com";
        Map<String, Object> claims = zone == null
                ? Map.of("email", email, "locale", locale)
                : Map.of("email", email, "locale", locale, "zoneinfo", zone);
        return new User(id, email, userToken(id, claims));
    }

    protected static User newUser() {
        return newUser("en", "Asia/Seoul");
    }

    public record User(UUID id, String email, String token) {}

    protected WebTestClient.ResponseSpec post(String path, Object body, String token) {
        WebTestClient.RequestBodySpec request = client(token).post().uri(path);
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    protected WebTestClient.ResponseSpec put(String path, Object body, String token) {
        WebTestClient.RequestBodySpec request = client(token).put().uri(path);
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    protected WebTestClient.ResponseSpec patch(String path, Object body, String token) {
        return client(token)
                .patch()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    protected WebTestClient.ResponseSpec get(String path, String token) {
        return client(token).get().uri(path).exchange();
    }

    protected WebTestClient.ResponseSpec delete(String path, String token) {
        return client(token).delete().uri(path).exchange();
    }

    protected void watch(User user, String... symbols) {
        for (String symbol : symbols) {
            put("/api/watchlist/" + symbol, null, user.token()).expectStatus().isNoContent();
        }
    }

    protected Map<String, Object> createSchedule(User user, Map<String, Object> body) {
        return post("/api/reports/schedules", body, user.token())
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** The email requests in the outbox whose deduplication key starts with the prefix (committed ones). */
    protected List<EmailRequested> outboxEmails(String keyPrefix) {
        return database.sql("select payload::text as payload from outbox_event where topic = :topic"
                        + " and payload->>'idempotencyKey' like :prefix order by created_at")
                .bind("topic", EmailRequested.TOPIC)
                .bind("prefix", keyPrefix + "%")
                .map(row -> dev.tarsspeedy.platform.events.EventJson.mapper()
                        .readValue(row.get("payload", String.class), EmailRequested.class))
                .all()
                .collectList()
                .block();
    }
}
