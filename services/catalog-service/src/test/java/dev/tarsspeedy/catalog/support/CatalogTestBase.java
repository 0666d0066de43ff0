package dev.tarsspeedy.catalog.support;

import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.catalog.DropChanged;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.platform.test.SecuredServiceTestBase;
import dev.tarsspeedy.platform.test.TestClockConfiguration;
import dev.tarsspeedy.platform.test.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The catalog service on a random port against real PostgreSQL, Redis and Kafka, with a JWKS stand-in for the
 * identity service ({@link SecuredServiceTestBase}), a clock the tests move and a stock stand-in for the order service.
 * Every IT shares this one context; each test makes products, drops and users of its own.
 */
@Import(TestClockConfiguration.class)
public abstract class CatalogTestBase extends SecuredServiceTestBase {

    protected static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    protected static final StockStandIn STOCK = new StockStandIn();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.order.base-url", STOCK::baseUrl);
    }

    @Autowired
    protected MutableClock clock;

    /** A shopper of their own, with the {@code email} claim the identity service puts in tokens. */
    protected static Shopper newShopper() {
        UUID id = UUID.randomUUID();
        String email = "shopper-" + id.toString().substring(0, 13) + "@example.com";
        return new Shopper(id, email, userToken(id, Map.of("email", email)));
    }

    public record Shopper(UUID id, String email, String token) {}

    /** A JSON POST; {@code token} {@code null} sends none. */
    protected WebTestClient.ResponseSpec post(String path, Object body, String token) {
        return client(token)
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
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

    protected Map<String, Object> createProduct() {
        return post("/api/admin/products", CatalogMother.product(), adminToken())
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** Creates the drop (201) and returns its view. */
    protected Map<String, Object> createDrop(Map<String, Object> body) {
        return post("/api/admin/drops", body, adminToken())
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** A new product's drop opening after {@code opensIn}; returns the drop's view. */
    protected Map<String, Object> newDrop(Duration opensIn) {
        Object productId = createProduct().get("id");
        return createDrop(
                CatalogMother.drop(productId, clock.instant()).opensIn(opensIn).build());
    }

    protected Map<String, Object> drop(Object id) {
        return get("/api/drops/" + id, null)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** The DropChanged events of the drop on the topic, oldest first; waits for {@code atLeast} of them. */
    protected static List<DropChanged> dropChanged(Object dropId, int atLeast) {
        List<DropChanged>[] found = new List[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] =
                    TopicReader.readAll(DropChanged.TOPIC, new ByteArrayDeserializer(), Duration.ofSeconds(20)).stream()
                            .filter(record -> record.key().equals(dropId.toString()))
                            .map(record -> EventEnvelope.fromJson(record.value()))
                            .peek(envelope -> {
                                if (!envelope.type().equals(DropChanged.TYPE)
                                        || envelope.version() != DropChanged.VERSION) {
                                    throw new AssertionError("unexpected event " + envelope);
                                }
                            })
                            .map(envelope -> envelope.payloadAs(DropChanged.class))
                            .toList();
            return found[0].size() >= atLeast;
        });
        return found[0];
    }

    /** Every EmailRequested to the address on the topic now (after the outbox was drained). */
    protected List<EmailRequested> emailsTo(String address) {
        awaitOutboxDrained();
        return TopicReader.readAll(EmailRequested.TOPIC, new ByteArrayDeserializer(), Duration.ofSeconds(20)).stream()
                .filter(record -> record.key().equals(address))
                .map(record -> EventEnvelope.fromJson(record.value()).payloadAs(EmailRequested.class))
                .toList();
    }
}
