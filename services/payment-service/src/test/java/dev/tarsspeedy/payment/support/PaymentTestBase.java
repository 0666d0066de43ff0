package dev.tarsspeedy.payment.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.payment.PaymentApproved;
import dev.tarsspeedy.contracts.payment.PaymentRefunded;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.test.SecuredServiceTestBase;
import dev.tarsspeedy.platform.test.TopicReader;
import dev.tarsspeedy.standin.kakaopay.KakaopayStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The payment service on a random port against real PostgreSQL, Redis and Kafka, with the Kakaopay stand-in
 * in-process, a stand-in of the order service's internal API and a JWKS of test keys ({@link SecuredServiceTestBase}).
 * One context (and one of each stand-in) for every IT; each test uses orders and users of its own.
 */
public abstract class PaymentTestBase extends SecuredServiceTestBase {

    protected static final String SECRET_KEY = "TEST-ONLY-SECRET";

    protected static final KakaopayStandIn KAKAOPAY = KakaopayStandIn.start(0, SECRET_KEY);
    protected static final OrderStandIn ORDERS = new OrderStandIn();

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.kakaopay.base-url", KAKAOPAY::baseUrl);
        registry.add("spring.http.serviceclient.order.base-url", ORDERS::baseUrl);
    }

    protected final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void resetKakaopay() {
        KAKAOPAY.failures().clear();
    }

    /** A new PENDING_PAYMENT order of a new user, payable for ten more minutes. */
    protected static OrderStandIn.TestOrder pendingOrder(long amount) {
        return ORDERS.put(new OrderStandIn.TestOrder(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "PENDING_PAYMENT",
                amount,
                "한정판 스니커즈",
                1,
                Instant.now().plus(Duration.ofMinutes(10))));
    }

    protected WebTestClient.ResponseSpec startPayment(UUID orderId, UUID userId) {
        return client().post()
                .uri("/api/orders/{orderId}/payment", orderId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken(userId))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.5")
                .exchange();
    }

    /** Starts paying the order (200) and returns {@code {paymentId, redirectUrl}}. */
    protected Map<String, Object> started(OrderStandIn.TestOrder order) {
        return startPayment(order.orderId(), order.userId())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** Starts paying with a token that has the buyer's address and language, as the identity service issues. */
    protected Map<String, Object> started(OrderStandIn.TestOrder order, String email, String locale) {
        return client().post()
                .uri("/api/orders/{orderId}/payment", order.orderId())
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + userToken(order.userId(), Map.of("email", email, "locale", locale)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** A paid order: started, approved on Kakaopay's page, called back; returns the payment id. */
    protected UUID approvedPayment(OrderStandIn.TestOrder order, String email, String locale) {
        Map<String, Object> started = started(order, email, locale);
        HttpResponse<String> finished =
                followCallback(pressOnKakaopayPage((String) started.get("redirectUrl"), "approve"));
        assertThat(finished.statusCode()).isEqualTo(303);
        UUID paymentId = paymentId(started);
        assertThat(status(paymentId)).isEqualTo("APPROVED");
        return paymentId;
    }

    /** Moves a payment back in time, as if its last change had happened {@code ago} earlier. */
    protected void setStatus(UUID paymentId, String status, Duration ago) {
        database.sql("update payment set status = :status, status_changed_at = now() - make_interval(secs => :secs)"
                        + " where id = :id")
                .bind("status", status)
                .bind("secs", (double) ago.toSeconds())
                .bind("id", paymentId)
                .fetch()
                .rowsUpdated()
                .block();
    }

    protected static UUID paymentId(Map<String, Object> started) {
        return UUID.fromString((String) started.get("paymentId"));
    }

    /** The tid the payment got from Kakaopay. */
    protected String tid(UUID paymentId) {
        return database.sql("select tid from payment where id = :id")
                .bind("id", paymentId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    protected String status(UUID paymentId) {
        return database.sql("select status from payment where id = :id")
                .bind("id", paymentId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    protected String failureReason(UUID paymentId) {
        return database.sql("select failure_reason from payment where id = :id")
                .bind("id", paymentId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    /**
     * The buyer's browser on Kakaopay's page: opens it, presses the button ({@code approve} or {@code cancel}) and
     * returns where the page sends the browser (the shop's callback, through the gateway's address).
     */
    protected URI pressOnKakaopayPage(String redirectUrl, String button) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(redirectUrl)).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher form = FORM.matcher(page.body());
        String action = null;
        while (form.find()) {
            if (form.group(1).endsWith("/" + button)) {
                action = form.group(1);
            }
        }
        assertThat(action).as("the page has a %s button", button).isNotNull();
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(KAKAOPAY.baseUrl() + action))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(redirect.statusCode()).isEqualTo(302);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
    }

    /** Follows a callback URL (gateway address) to this service, as the gateway routes it; returns the answer. */
    protected HttpResponse<String> followCallback(URI callback) {
        assertThat(callback.getHost()).isEqualTo("gateway.test");
        String pathAndQuery =
                callback.getRawPath() + (callback.getRawQuery() == null ? "" : "?" + callback.getRawQuery());
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept-Language", "en")
                .GET()
                .build());
    }

    protected HttpResponse<String> get(String path, String language) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", language)
                .GET()
                .build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static List<EventEnvelope> events(String topic, String key) {
        return TopicReader.readAll(topic, new StringDeserializer(), Duration.ofSeconds(15)).stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> EventEnvelope.fromJson(record.value()))
                .toList();
    }

    protected static List<EventEnvelope> approvedEvents(UUID orderId) {
        return events(PaymentApproved.TOPIC, orderId.toString());
    }

    protected static List<EventEnvelope> refundedEvents(UUID orderId) {
        return events(PaymentRefunded.TOPIC, orderId.toString());
    }

    protected static List<EmailRequested> emailsAbout(String to, UUID paymentId) {
        return events(EmailRequested.TOPIC, to).stream()
                .map(event -> event.payloadAs(EmailRequested.class))
                .filter(email -> email.idempotencyKey().endsWith(paymentId.toString()))
                .toList();
    }
}
